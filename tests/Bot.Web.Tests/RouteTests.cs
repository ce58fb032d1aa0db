using System.Net;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests;

public sealed class RouteTests : IAsyncLifetime
{
    private WebArchiveServer _server = null!;

    public async Task InitializeAsync() => _server = await WebArchiveServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Home_ListsNewestPublishedFirst_WithStrictHeaders()
    {
        var (status, body, response) = await _server.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<html lang=\"zh\">", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("普京访问平壤", StringComparison.Ordinal) < body.IndexOf("Hostile", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"next\" href=\"/?page=2\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_SecondPageAndBeyond()
    {
        var (status, body, _) = await _server.GetAsync("/?page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("填充文章", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/?page=99")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.GetAsync("/?page=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.GetAsync("/?page=abc")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.GetAsync("/?page=99999999999999999999")).Status);
    }

    [Fact]
    public async Task Article_ShowsTitleAuthorDateTagsSourceAndOpenGraph()
    {
        var id = _server.Ids["putin"];
        var (status, body, _) = await _server.GetAsync($"/articles/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>普京访问平壤</h1>", body, StringComparison.Ordinal);
        Assert.Contains("记者甲", body, StringComparison.Ordinal);
        Assert.Contains("2024-06-26", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/tags/%E6%9C%9D%E9%B2%9C\">#朝鲜</a>", body, StringComparison.Ordinal);
        Assert.Contains("<strong>重要</strong>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example/putin\"", body, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"普京访问平壤\">", body, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:description\" content=\"普京时隔二十四年再访朝鲜。\">", body, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{_server.BaseUri}articles/{id}\">", body, StringComparison.Ordinal);
        Assert.Contains("<article lang=\"zh\">", body, StringComparison.Ordinal);

        // An outside image would load from elsewhere: it is a link instead.
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://images.example/pyongyang.jpg\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/999999", HttpStatusCode.NotFound)]
    [InlineData("/articles/abc", HttpStatusCode.BadRequest)]
    [InlineData("/articles/-1", HttpStatusCode.BadRequest)]
    [InlineData("/articles/1e5", HttpStatusCode.BadRequest)]
    [InlineData("/articles/99999999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/tags/no-such-tag", HttpStatusCode.NotFound)]
    [InlineData("/tags/no-such-tag/feed.atom", HttpStatusCode.NotFound)]
    [InlineData("/tags/no-such-tag/feed.json", HttpStatusCode.NotFound)]
    [InlineData("/archive/2024/13", HttpStatusCode.NotFound)]
    [InlineData("/archive/abcd/01", HttpStatusCode.NotFound)]
    [InlineData("/archive/1999/01", HttpStatusCode.NotFound)]
    [InlineData("/media/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("/media/not-a-hash", HttpStatusCode.NotFound)]
    [InlineData("/media/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("/sitemap-7.xml", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/search?q=x&page=0", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=tag%3A", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=-%E6%9C%9D%E9%B2%9C", HttpStatusCode.BadRequest)]
    public async Task BadRequests_GetAnErrorPage_NeverA500(string path, HttpStatusCode expected)
    {
        var (status, body, response) = await _server.GetAsync(path);

        Assert.Equal(expected, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<!doctype html>", body, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", response.Headers.Select(h => h.Key));
    }

    [Fact]
    public async Task Drafts_AreNotServed()
    {
        var parsed = new ArticleParser().Parse("draft.md", Encoding.UTF8.GetBytes("---\ntitle: Secret draft\n---\n\nnot yet"));
        var draft = await _server.Services.GetRequiredService<IArticleStore>().CreateDraftAsync(parsed.Article!, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync($"/articles/{draft.Id}")).Status);
        Assert.DoesNotContain("Secret draft", (await _server.GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_IndexAndTagPage_MatchCaseInsensitively()
    {
        var (status, index, _) = await _server.GetAsync("/tags");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("#朝鲜", index, StringComparison.Ordinal);

        var (tagStatus, page, _) = await _server.GetAsync("/tags/metoo");
        Assert.Equal(HttpStatusCode.OK, tagStatus);
        Assert.Contains("The MeToo movement in China", page, StringComparison.Ordinal);
        Assert.DoesNotContain("普京", page, StringComparison.Ordinal);

        var (csharpStatus, csharp, _) = await _server.GetAsync("/tags/C%23");
        Assert.Equal(HttpStatusCode.OK, csharpStatus);
        Assert.Contains("The MeToo movement in China", csharp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_ListsMonths_AndMonthPagesUseTheAuthorsDate()
    {
        var (status, index, _) = await _server.GetAsync("/archive");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/archive/2024/06\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"/archive/2022/03\"", index, StringComparison.Ordinal);

        var (monthStatus, month, _) = await _server.GetAsync("/archive/2024/06");
        Assert.Equal(HttpStatusCode.OK, monthStatus);
        Assert.Contains("普京访问平壤", month, StringComparison.Ordinal);
        Assert.DoesNotContain("MeToo movement", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UsesTheChatSyntax_AndHighlights()
    {
        var (status, body, _) = await _server.GetAsync("/search?q=" + Uri.EscapeDataString("朝鲜 -填充"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("普京访问平壤", body, StringComparison.Ordinal);
        Assert.DoesNotContain("填充文章", body, StringComparison.Ordinal);
        Assert.Contains("<mark>朝鲜</mark>", body, StringComparison.Ordinal);
        Assert.Contains("value=\"朝鲜 -填充\"", body, StringComparison.Ordinal);

        var (_, tagged, _) = await _server.GetAsync("/search?q=" + Uri.EscapeDataString("tag:填充 朝鲜"));
        Assert.Contains("填充文章", tagged, StringComparison.Ordinal);
        Assert.DoesNotContain("普京访问平壤", tagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PagesThroughResults()
    {
        var (_, first, _) = await _server.GetAsync("/search?q=" + Uri.EscapeDataString("填充"));
        Assert.Contains("1–6", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync("/search?q=" + Uri.EscapeDataString("填充") + "&page=5")).Status);
    }

    [Fact]
    public async Task Search_TenThousandCharacterQuery_IsA400Page()
    {
        var (status, body, _) = await _server.GetAsync("/search?q=" + Uri.EscapeDataString(new string('朝', 10_000)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<!doctype html>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Empty_ShowsTheSyntax()
    {
        var (status, body, _) = await _server.GetAsync("/search?q=", "en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("tag:name", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en", "Newest")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh", "最新")]
    [InlineData("fr-FR, en;q=0.5, zh;q=0.7", "zh", "最新")]
    [InlineData("fr-FR", "zh", "最新")]
    [InlineData("en;q=0, zh;q=0.1", "zh", "最新")]
    [InlineData(";;;,,,q=", "zh", "最新")]
    public async Task Language_FollowsAcceptLanguage(string header, string lang, string heading)
    {
        var (status, body, response) = await _server.GetAsync("/", header);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<html lang=\"{lang}\">", body, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tags")]
    [InlineData("/archive")]
    [InlineData("/search?q=x")]
    [InlineData("/articles/999999")]
    public async Task BackupLinks_AreOnEveryPage(string path)
    {
        var (_, body, _) = await _server.GetAsync(path);

        Assert.Contains("<a href=\"https://t.me/backup_channel\" rel=\"noopener\">备用频道</a>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileArticle_NeverReachesThePageAsMarkup()
    {
        var (status, body, _) = await _server.GetAsync($"/articles/{_server.Ids["hostile"]}");
        Assert.Equal(HttpStatusCode.OK, status);
        AssertHarmless(body);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;Hostile &lt;b&gt;title&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.Contains("Harmless opening words", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ok.example/page\"", body, StringComparison.Ordinal);

        // Lists, tag pages and the tag index show the same title and tag escaped.
        AssertHarmless((await _server.GetAsync("/")).Body);
        AssertHarmless((await _server.GetAsync("/tags")).Body);
        AssertHarmless((await _server.GetAsync("/search?q=Harmless")).Body);
    }

    [Fact]
    public async Task StyleAndIcon_AreServedFromTheSiteWithLongCaching()
    {
        var (_, home, _) = await _server.GetAsync("/");
        var style = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/site\\.css[^\"]*)\"").Groups[1].Value;
        var (status, css, response) = await _server.GetAsync(style);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("prefers-color-scheme: dark", css, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("http", css.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync("/favicon.svg")).Status);
    }

    [Fact]
    public async Task Head_IsAnsweredWithoutABody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/");
        using var response = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Parses the page as a browser would and looks for anything that could run or load from elsewhere.</summary>
    internal static void AssertHarmless(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, frame, base"));
        Assert.Single(document.QuerySelectorAll("form"));
        Assert.Empty(document.QuerySelectorAll("input[name=password]"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action")
                {
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("evil.example", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // Images load only from the site itself.
        Assert.All(document.Images, img => Assert.StartsWith("/", img.GetAttribute("src") ?? "/", StringComparison.Ordinal));
    }
}
