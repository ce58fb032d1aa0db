using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Bot.Web.Tests;

/// <summary>Feeds checked against what RFC 4287 (Atom 1.0), JSON Feed 1.1 and sitemaps.org 0.9 require.</summary>
public sealed class FeedTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private WebArchiveServer _server = null!;

    public async Task InitializeAsync() => _server = await WebArchiveServer.StartAsync(new Dictionary<string, string?> { ["Web:PublicUrl"] = "https://archive.example.org/blog" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/feed.atom", 9)]
    [InlineData("/tags/%E5%A1%AB%E5%85%85/feed.atom", 6)]
    public async Task Atom_HasEveryRequiredElement(string path, int entries)
    {
        var (status, body, response) = await _server.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        var feed = XDocument.Parse(body).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        AssertDate(feed.Element(Atom + "updated")!.Value);
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string)l.Attribute("href")!).StartsWith("https://archive.example.org/blog/", StringComparison.Ordinal));
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name")?.Value.Length > 0);

        var items = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries, items.Count);
        foreach (var entry in items)
        {
            Assert.Single(entry.Elements(Atom + "id"));
            Assert.Single(entry.Elements(Atom + "title"));
            AssertDate(entry.Element(Atom + "updated")!.Value);
            var link = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.Matches("^https://archive\\.example\\.org/blog/articles/\\d+$", (string)link.Attribute("href")!);
            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any());
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", (string?)content.Attribute("type"));
            RouteTests.AssertHarmless("<form></form>" + content.Value);
        }
    }

    [Theory]
    [InlineData("/feed.json", 9)]
    [InlineData("/tags/%E5%A1%AB%E5%85%85/feed.json", 6)]
    public async Task JsonFeed_HasEveryRequiredField(string path, int entries)
    {
        var (status, body, response) = await _server.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.NotEmpty(root.GetProperty("title").GetString()!);
        Assert.StartsWith("https://archive.example.org/blog/", root.GetProperty("feed_url").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://archive.example.org/blog/", root.GetProperty("home_page_url").GetString(), StringComparison.Ordinal);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(entries, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        foreach (var item in items)
        {
            Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            Assert.Matches("^https://archive\\.example\\.org/blog/articles/\\d+$", item.GetProperty("url").GetString()!);
            if (item.TryGetProperty("date_published", out var date))
            {
                AssertDate(date.GetString()!);
            }
        }
    }

    [Fact]
    public async Task Feeds_NewestFirst_WithAuthorTagsAndSanitizedContent()
    {
        var (_, body, _) = await _server.GetAsync("/feed.json");
        using var json = JsonDocument.Parse(body);
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal("普京访问平壤", first.GetProperty("title").GetString());
        Assert.Equal("记者甲", first.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(["朝鲜", "俄罗斯"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("<strong>重要</strong>", first.GetProperty("content_html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublishedArticleWithAbsoluteLinks()
    {
        var (status, body, _) = await _server.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, status);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(body).Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        foreach (var id in _server.Ids.Values)
        {
            Assert.Contains($"https://archive.example.org/blog/articles/{id}", urls);
        }

        Assert.Contains("https://archive.example.org/blog/", urls);
        Assert.All(urls, u => Assert.True(Uri.IsWellFormedUriString(u, UriKind.Absolute), u));
    }

    [Fact]
    public async Task Pages_UsePublicUrlForOpenGraph()
    {
        var id = _server.Ids["putin"];
        var (_, body, _) = await _server.GetAsync($"/articles/{id}");
        Assert.Contains($"<meta property=\"og:url\" content=\"https://archive.example.org/blog/articles/{id}\">", body, StringComparison.Ordinal);
    }

    private static void AssertDate(string text) =>
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$", text);
}
