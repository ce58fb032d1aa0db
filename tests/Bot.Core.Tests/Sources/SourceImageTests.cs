using Bot.Core.Sources;
using Bot.Testing.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Sources;

/// <summary>Images of feed items and rescued pages go into the media archive as an import's do; later polls retry the failed ones.</summary>
public sealed class SourceImageTests : IAsyncLifetime
{
    private SourceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SourceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private string Rss(params string[] ids) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://blog.example.org/</link>
        {string.Concat(ids.Select(i => $"<item><guid>{i}</guid><title>Item {i}</title><link>https://blog.example.org/{i}</link><description><![CDATA[<p>Text {i}.</p><p><img src=\"{_harness.Web.BaseUrl}/img/{i}.png\" alt=\"picture {i}\"></p>]]></description></item>"))}
        </channel></rss>
        """;

    private Task<long> StoredImages(string? item = null) =>
        _harness.ScalarAsync($"SELECT count(*) FROM article_media WHERE sha256 IS NOT NULL{(item is null ? "" : $" AND url LIKE '%/img/{item}.png'")}");

    [Fact]
    public async Task FeedItemImages_AreArchived_AndAFailedOneIsRetriedByTheNextPoll()
    {
        _harness.Web.Map("/img/a.png", "image/png", TestImages.Png(4, 3));
        var broken = true;
        _harness.Web.Map("/img/b.png", async http =>
        {
            if (broken)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            http.Response.ContentType = "image/png";
            await http.Response.Body.WriteAsync(TestImages.Png(5, 5));
        });
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss("b", "a"));
        var source = await _harness.AddFeedAsync("/feed.xml");

        await _harness.PollAsync(source.Id);
        Assert.Equal(1, await StoredImages("a"));
        Assert.Equal(0, await StoredImages("b"));
        Assert.Equal(1, await _harness.ScalarAsync("SELECT count(*) FROM article_media WHERE sha256 IS NULL AND error IS NOT NULL"));

        broken = false;
        var second = await _harness.PollAsync(source.Id);

        Assert.Equal((0, 2), (second.New, second.Unchanged));
        Assert.Equal(1, await StoredImages("b"));
        Assert.Equal(1, _harness.Web.RequestCount("/img/a.png")); // a stored image is never fetched again
        Assert.Equal(2, _harness.Web.RequestCount("/img/b.png"));
        await _harness.PollAsync(source.Id);
        Assert.Equal(2, _harness.Web.RequestCount("/img/b.png"));
    }

    [Fact]
    public async Task NewItem_IsPublishedWithItsImageAlreadyArchived()
    {
        await _harness.SubscribeAsync();
        _harness.Web.Map("/img/a.png", "image/png", TestImages.Png(4, 3));
        _harness.Web.Map("/img/c.png", "image/png", TestImages.Png(6, 2));
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss("a"));
        var source = await _harness.AddFeedAsync("/feed.xml");
        await _harness.PollAsync(source.Id);
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss("c", "a"));

        var result = await _harness.PollAsync(source.Id);

        Assert.Equal(1, result.New);
        Assert.Equal(1, await StoredImages("c"));
        Assert.Equal(1, await _harness.ScalarAsync("SELECT count(*) FROM deliveries"));
        Assert.Equal(0, await _harness.ScalarAsync("SELECT count(*) FROM articles WHERE state <> 'published'"));
    }

    [Fact]
    public async Task FullTextPage_ItsLazyImageIsArchived()
    {
        _harness.Web.Map("/summary.xml", "application/rss+xml", SourceFixtures.Text("summary-only.xml").Replace("{BASE}", _harness.Web.BaseUrl, StringComparison.Ordinal));
        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", SourceFixtures.Bytes("blog.html"));
        _harness.Web.Map("/img/lazy.png", "image/png", TestImages.Png(8, 8));
        var source = await _harness.AddFeedAsync("/summary.xml", fullText: true);

        await _harness.PollAsync(source.Id);

        Assert.Equal(1, await StoredImages("lazy"));
        Assert.Equal(0, _harness.Web.RequestCount("/img/placeholder.gif"));
    }

    [Fact]
    public async Task PageImportedByUrl_ItsImagesAreArchived()
    {
        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", SourceFixtures.Bytes("blog.html"));
        _harness.Web.Map("/img/lazy.png", "image/png", TestImages.Png(8, 8));

        var summary = await _harness.Services.GetRequiredService<PageImporter>().ImportAsync([_harness.Web.Url("/pages/blog.html").AbsoluteUri], CancellationToken.None);

        Assert.Equal((1, 1, 0), (summary.Imported, summary.ImagesStored, summary.ImagesFailed));
        Assert.Equal(1, await StoredImages("lazy"));
    }
}
