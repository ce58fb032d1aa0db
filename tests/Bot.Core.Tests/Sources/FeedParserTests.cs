using System.Text;
using Bot.Core.Sources;
using Bot.Core.Sources.Feeds;

namespace Bot.Core.Tests.Sources;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://blog.example.org/feed.xml");

    private static FeedDocument Parse(string fixture, string? charset = null)
    {
        var result = FeedParser.Parse(SourceFixtures.Bytes(fixture), charset);
        Assert.Null(result.Error);
        return result.Feed!;
    }

    [Fact]
    public void Parse_Rss2_ReadsContentEncodedDatesCategoriesAndHints()
    {
        var feed = Parse("rss2.xml");

        Assert.Equal("RSS 2.0", feed.Format);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.Ttl);
        Assert.Equal([0, 1, 2], feed.SkipHours.Order());
        var item = feed.Entries[0];
        Assert.Equal("tag:blog.example.org,2024:2", item.Id);
        Assert.Equal("木兰", item.Author);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(8)), item.Published);
        Assert.Equal(["随笔", "Feminism"], item.Categories);
        Assert.Contains("<h2>A heading</h2>", item.ContentHtml);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 18, 4, 0, TimeSpan.Zero), feed.Entries[1].Published);
    }

    [Fact]
    public void FromEntry_Rss2Content_BecomesMarkdownWithStructureKept()
    {
        var entry = Parse("rss2.xml").Entries[0];

        var article = SourceArticles.FromEntry(entry, FeedUrl, ["extra"]);

        Assert.Equal("Second post & more", article.Title);
        Assert.Equal("https://blog.example.org/2024/05/second-post.html", article.SourceUrl);
        Assert.Equal(["随笔", "Feminism", "extra"], article.Tags);
        Assert.True(article.Body.Contains("## A heading", StringComparison.Ordinal), article.Body);
        Assert.True(article.Body.Contains("First **bold** and *italic* with a [relative link](https://blog.example.org/about).", StringComparison.Ordinal), article.Body);
        Assert.Contains("- one\n- two\n  - nested", article.Body);
        Assert.Contains("3. three\n4. four", article.Body);
        Assert.Contains("> Quoted words.", article.Body);
        Assert.Contains("![a picture](https://img.example.org/a.png)", article.Body);
        Assert.DoesNotContain("feedburner", article.Body);
        Assert.Contains("| Year | Count |\n| --- | --- |\n| 2023 | 5 \\| 6 |", article.Body);
        Assert.Contains("```\nvar x = 1;\nx++;\n```", article.Body);
        Assert.DoesNotContain("alert", article.Body);
        Assert.DoesNotContain("color:red", article.Body);
        Assert.Null(article.SourceFile);
    }

    [Fact]
    public void FromEntry_SameItemTwice_HasTheSameHashAndKey()
    {
        var first = Parse("rss2.xml").Entries[0];
        var second = Parse("rss2.xml").Entries[0];

        Assert.Equal(SourceArticles.ItemKey(first), SourceArticles.ItemKey(second));
        Assert.Equal(SourceArticles.FromEntry(first, FeedUrl, []).ContentHash, SourceArticles.FromEntry(second, FeedUrl, []).ContentHash);
        Assert.NotEqual(SourceArticles.FromEntry(first, FeedUrl, []).ContentHash, SourceArticles.FromEntry(first with { Title = "Changed" }, FeedUrl, []).ContentHash);
    }

    [Fact]
    public void ItemKey_FallsBackFromIdToLinkToHash()
    {
        var entry = new FeedEntry("guid-1", "https://x.example/1", "T", null, null, null, [], "<p>a</p>", null, null);

        Assert.Equal("id:guid-1", SourceArticles.ItemKey(entry));
        Assert.Equal("link:https://x.example/1", SourceArticles.ItemKey(entry with { Id = null }));
        Assert.StartsWith("hash:", SourceArticles.ItemKey(entry with { Id = " ", Link = null }));
    }

    [Fact]
    public void Parse_Rss1_ReadsRdfItemsWithDublinCore()
    {
        var feed = Parse("rss1.rdf");

        Assert.Equal("RSS 1.0", feed.Format);
        var item = Assert.Single(feed.Entries);
        Assert.Equal("An RDF item", item.Title);
        Assert.Equal("https://news.example.org/a", item.Link);
        Assert.Equal("Reporter", item.Author);
        Assert.Equal(["news"], item.Categories);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Parse_Rss091InLatin1_DecodesTheDeclaredEncoding()
    {
        var feed = Parse("rss091.xml");

        Assert.Equal("RSS 0.91", feed.Format);
        Assert.Equal("Café opening", feed.Entries[0].Title);
    }

    [Fact]
    public void Parse_GbkFeed_DecodesChineseText()
    {
        var feed = Parse("gbk.xml");

        var item = Assert.Single(feed.Entries);
        Assert.Equal("中文频道", feed.Title);
        Assert.Equal("女性与写作", item.Title);
        Assert.Equal("李华", item.Author);
        Assert.Equal(new DateTimeOffset(2024, 5, 4, 20, 0, 0, TimeSpan.FromHours(8)), item.Published);
        Assert.Contains("这是一篇用 GBK 编码的文章。", SourceArticles.FromEntry(item, FeedUrl, []).Body);
    }

    [Fact]
    public void Parse_Big5BodyWithoutDeclaration_UsesTheHttpCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = "<rss version=\"2.0\"><channel><title>繁體</title><item><title>臺灣文學</title><guid>b1</guid></item></channel></rss>";
        var result = FeedParser.Parse(Encoding.GetEncoding("big5").GetBytes(xml), "big5");

        Assert.Equal("臺灣文學", result.Feed!.Entries[0].Title);
    }

    [Fact]
    public void Parse_Atom_ResolvesXmlBaseAndReadsTextConstructs()
    {
        var feed = Parse("atom.xml");

        Assert.Equal("Atom 1.0", feed.Format);
        var entry = feed.Entries[0];
        Assert.Equal("https://jekyll.example.org/2024/06/01/atom-entry.html", entry.Link);
        Assert.Equal("Atom entry", entry.Title);
        Assert.Equal("Site Owner", entry.Author);
        Assert.Equal(["jekyll", "Notes"], entry.Categories);
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 11, 0, 0, TimeSpan.FromHours(8)), entry.Updated);
        var article = SourceArticles.FromEntry(entry, new Uri("https://jekyll.example.org/feed.xml"), []);
        Assert.Contains("[a link](https://jekyll.example.org/2024/06/01/other.html)", article.Body);
        Assert.Equal("Plain summary", article.Summary);
        var xhtml = feed.Entries[1];
        Assert.Equal("Guest", xhtml.Author);
        Assert.Contains("XHTML **body**.", SourceArticles.FromEntry(xhtml, FeedUrl, []).Body);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsItemsAuthorsAndTags()
    {
        var feed = Parse("feed11.json");

        Assert.Equal("JSON Feed 1.1", feed.Format);
        Assert.Equal("Jay Son", feed.Entries[0].Author);
        Assert.Equal(["json", "feeds"], feed.Entries[0].Categories);
        Assert.Equal("1", feed.Entries[1].Id);
        var text = SourceArticles.FromEntry(feed.Entries[1], FeedUrl, []);
        Assert.Contains("\\# not a heading", text.Body);
        Assert.Equal("Text only item", text.Title);
    }

    [Fact]
    public void Parse_JsonFeed10_ReadsTheSingleAuthor()
    {
        var feed = Parse("feed10.json");

        Assert.Equal("Solo", Assert.Single(feed.Entries).Author);
    }

    [Theory]
    [InlineData("<html><body>Not a feed</body></html>", "HTML page")]
    [InlineData("<rss><channel><item>", "not a valid feed")]
    [InlineData("{\"hello\": 1}", "JSON Feed")]
    [InlineData("   ", "empty")]
    [InlineData("\u0000\u0001garbage", "not a valid feed")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss><channel><title>&b;</title></channel></rss>", "not a valid feed")]
    public void Parse_Garbage_GivesAClearError(string body, string expected)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(body), null);

        Assert.Null(result.Feed);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("Tue, 14 May 2024 09:30:00 +0800", "2024-05-14T09:30:00+08:00")]
    [InlineData("Tue, 14 May 2024 09:30:00 GMT", "2024-05-14T09:30:00+00:00")]
    [InlineData("14 May 2024 09:30 +08:00", "2024-05-14T09:30:00+08:00")]
    [InlineData("Tuesday, 14-May-24 09:30:00 EST", "2024-05-14T09:30:00-05:00")]
    [InlineData("Tue, 14 May 2024 9:30:00 CST", "2024-05-14T09:30:00+08:00")]
    [InlineData("Tue,14 May 2024 09:30:00 +0000 (UTC)", "2024-05-14T09:30:00+00:00")]
    [InlineData("Tue, 14 Sept 2024 09:30:00 Z", "2024-09-14T09:30:00+00:00")]
    [InlineData("2024-05-14T09:30:00Z", "2024-05-14T09:30:00+00:00")]
    [InlineData("2024-05-14T09:30:00.123+02:00", "2024-05-14T09:30:00.123+02:00")]
    [InlineData("2024-05-14", "2024-05-14T00:00:00+08:00")]
    public void FeedDates_ReadRealWorldShapes(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2024 09:30:00 GMT")]
    [InlineData("")]
    public void FeedDates_Nonsense_IsNull(string text) => Assert.Null(FeedDates.Parse(text));
}
