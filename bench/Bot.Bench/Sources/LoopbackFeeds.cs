using System.Globalization;
using System.Text;
using Bot.Testing.Web;
using Microsoft.AspNetCore.Http;

namespace Bot.Bench.Sources;

/// <summary>
/// <c>feeds</c> RSS 2.0 feeds of <c>items</c> items each on a loopback server the benchmark starts, every
/// one with an ETag: a conditional GET that names it gets 304, as a well-behaved publisher answers.
/// </summary>
internal static class LoopbackFeeds
{
    public static async Task<(LoopbackWebServer Server, long Bytes)> StartAsync(int feeds, int items)
    {
        var server = await LoopbackWebServer.StartAsync();
        long bytes = 0;
        for (var f = 0; f < feeds; f++)
        {
            var body = Encoding.UTF8.GetBytes(Feed(f, items));
            bytes += body.Length;
            var etag = $"\"feed-{f}-v1\"";
            server.Map($"/feeds/{f}.xml", async http =>
            {
                if (http.Request.Headers.IfNoneMatch == etag)
                {
                    http.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }

                http.Response.ContentType = "application/rss+xml; charset=utf-8";
                http.Response.Headers.ETag = etag;
                http.Response.ContentLength = body.Length;
                await http.Response.Body.WriteAsync(body);
            });
        }

        return (server, bytes);
    }

    private static string Feed(int feed, int items)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Blog {feed}</title><link>https://blog{feed}.example.org/</link><description>Posts</description>
            """);
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = items - 1; i >= 0; i--)
        {
            var date = start.AddHours(feed * 7 + i * 13).ToString("r", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"""
                <item><guid isPermaLink="false">blog{feed}-post{i}</guid><title>Post {i} of blog {feed}: 关于写作的第 {i} 篇</title>
                <link>https://blog{feed}.example.org/{i}.html</link><pubDate>{date}</pubDate><category>notes</category><category>写作</category>
                <description>The opening of post {i}.</description>
                <content:encoded><![CDATA[<h2>Part one</h2><p>Post {i} of blog {feed} begins with a paragraph that has <a href="/about">a link</a>, <em>emphasis</em> and <strong>strong words</strong>, long enough to be a real opening of a real post about reading and writing.</p>
                <p>我们在一个下雨的下午见面，她说写作让她看见自己。第 {i} 篇文章记录了这次谈话的经过。</p>
                <ul><li>first point</li><li>second point</li><li>third point</li></ul>
                <blockquote><p>A quoted sentence that the author liked.</p></blockquote>
                <p>A closing paragraph with a <code>code span</code> and one more sentence so the body is a few hundred words in all, as blog posts are.</p>]]></content:encoded></item>
                """);
        }

        text.Append("</channel></rss>");
        return text.ToString();
    }
}
