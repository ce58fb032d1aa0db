using System.Text;
using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

public sealed class FrontMatterParsingTests
{
    private readonly ArticleParser _parser = new();

    [Fact]
    public void Parse_JekyllFrontMatterWithBlankLines_ReadsEveryField()
    {
        const string file = """
            ---

            layout: post

            title:  尘肺工人的六月：先行垫付是什么？

            categories: Archive

            date: 2018-06-03 23:30

            tags: 尘肺

            image_feature:

            description: 工友们期待的6月1日到了。

            ---

            正文第一段。
            """;

        var article = _parser.ParseOk("2018-06-03-black-lung-workers.md", file);

        Assert.Equal("尘肺工人的六月：先行垫付是什么？", article.Title);
        Assert.Equal(new DateTimeOffset(2018, 6, 3, 23, 30, 0, TimeSpan.FromHours(8)), article.Published);
        Assert.Equal(["尘肺"], article.Tags);
        Assert.Equal(["Archive"], article.Categories);
        Assert.Equal("工友们期待的6月1日到了。", article.Summary);
        Assert.Equal("black-lung-workers", article.Slug);
        Assert.Equal("正文第一段。", article.Body);
        Assert.Equal("zh", article.Language);
        Assert.Equal("post", article.Extra["layout"]);
        Assert.Equal(file, article.Source);
    }

    [Fact]
    public void Parse_BomCrlfAndTrailingSpaces_AreTolerated()
    {
        var text = "---  \r\ntitle: Crlf title   \r\ndate: 2018-01-16 14:10:51 +0800\r\ntags: [a, b]\r\n---   \r\n\r\nBody line.\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = _parser.Parse("crlf.md", bytes);

        Assert.True(result.Succeeded, result.Error);
        var article = result.Article!;
        Assert.Equal("Crlf title", article.Title);
        Assert.Equal(new DateTimeOffset(2018, 1, 16, 14, 10, 51, TimeSpan.FromHours(8)), article.Published);
        Assert.Equal(["a", "b"], article.Tags);
        Assert.Equal("Body line.", article.Body);
        Assert.DoesNotContain('\r', article.Source);
    }

    [Fact]
    public void Parse_MisspelledKeys_AreKeptAsExtra()
    {
        var article = _parser.ParseOk("x.md", "---\nlayput: post\ntitle: T\ndescrition: 一段摘要\nimag_feature: \"\"\n---\n正文\n");

        Assert.Equal("post", article.Extra["layput"]);
        Assert.Equal("一段摘要", article.Extra["descrition"]);
        Assert.Equal(string.Empty, article.Extra["imag_feature"]);
        Assert.Equal("正文", article.Summary);
    }

    [Theory]
    [InlineData("tags: [朝鲜,俄罗斯,普京]", new[] { "朝鲜", "俄罗斯", "普京" })]
    [InlineData("tags:\n  - 朝鲜\n  - 俄罗斯", new[] { "朝鲜", "俄罗斯" })]
    [InlineData("tags: 朝鲜, 俄罗斯，普京", new[] { "朝鲜", "俄罗斯", "普京" })]
    [InlineData("tags: media russia  putin", new[] { "media", "russia", "putin" })]
    [InlineData("tags: Hong Kong, 香港", new[] { "Hong Kong", "香港" })]
    [InlineData("tags: MeToo metoo", new[] { "MeToo" })]
    [InlineData("tags:", new string[0])]
    public void Parse_TagShapes_GiveTheSameList(string tagsLine, string[] expected)
    {
        var article = _parser.ParseOk("t.md", $"---\ntitle: T\n{tagsLine}\n---\nbody\n");

        Assert.Equal(expected, article.Tags);
    }

    [Fact]
    public void Parse_SeedShapedFrontMatter_ReadsLastmodMicrosecondsAndAuthorList()
    {
        const string file = """
            ---
            layout: default
            Lastmod: 2024-06-26T13:51:49.077860+00:00
            date: 2024-06-26T13:51:49.077610+00:00
            title: "朝鲜与俄罗斯：一个测试标题"
            author: [甲, 乙]
            tags: [朝鲜,俄罗斯]
            ---

            正文。
            """;

        var article = _parser.ParseOk("seed.md", file);

        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero).AddTicks(776100), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero).AddTicks(778600), article.Updated);
        Assert.Equal("甲, 乙", article.Author);
        Assert.Equal("朝鲜与俄罗斯：一个测试标题", article.Title);
    }

    [Fact]
    public void Parse_UnparsableDate_KeepsTheTextInExtra()
    {
        var article = _parser.ParseOk("d.md", "---\ntitle: T\ndate: sometime in spring\n---\nbody\n");

        Assert.Null(article.Published);
        Assert.Equal("sometime in spring", article.Extra["date"]);
    }

    [Fact]
    public void Parse_NoTitleInFrontMatter_UsesFirstHeading()
    {
        var article = _parser.ParseOk("2020-01-01-notes.md", "---\ntags: x\n---\n\n# A *heading* title\n\nText.\n");

        Assert.Equal("A heading title", article.Title);
        Assert.Equal("notes", article.Slug);
    }

    [Fact]
    public void Parse_MarkdownWithoutFrontMatter_TakesTitleFromFirstLine()
    {
        var article = _parser.ParseOk("plain.md", "Media literacy in three steps. Step one is reading slowly.\n\nMore text here.\n");

        Assert.Equal("Media literacy in three steps", article.Title);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Parse_HtmlInTitle_IsKeptAsText()
    {
        var article = _parser.ParseOk("h.md", "---\ntitle: \"<b>bold</b> & <script>x</script>\"\n---\nbody\n");

        Assert.Equal("<b>bold</b> & <script>x</script>", article.Title);
    }

    [Fact]
    public void Parse_BodyAttributionLines_GiveAuthorAndSourceUrl()
    {
        const string file = """
            ---
            title: 公开信
            date: 2018-04-23 13:00
            ---

            信息源自微信公号「深约一丈」: ~~[公开信](https://mp.weixin.qq.com/s/example)~~

            作者：岳某，编辑：小王

            ---

            正文。
            """;

        var article = _parser.ParseOk("letter.md", file);

        Assert.Equal("岳某", article.Author);
        Assert.Equal("https://mp.weixin.qq.com/s/example", article.SourceUrl);
    }

    [Fact]
    public void Parse_FrontMatterAuthor_WinsOverBodyLine()
    {
        var article = _parser.ParseOk("a.md", "---\ntitle: T\nauthor: 前者\n---\n作者：后者\n\n正文\n");

        Assert.Equal("前者", article.Author);
    }

    [Fact]
    public void Parse_AuthorWordInsideAParagraph_IsNotTakenAsAuthor()
    {
        var article = _parser.ParseOk("a.md", "---\ntitle: T\n---\n这篇文章的作者：我们并不知道是谁，但是文章写得很长很长很长很长很长很长很长很长很长很长很长很长。\n");

        Assert.Null(article.Author);
    }

    [Fact]
    public void Parse_PlainText_DropsImageUrlsAndKeepsLinkText()
    {
        var article = _parser.ParseOk("p.md", "---\ntitle: T\n---\n看 [这篇报道](https://example.com/a) 的内容。\n\n![图](https://img.example.com/x.png)\n\n~~删除线~~ **粗体** <https://bare.example.com>\n");

        Assert.Equal("看 这篇报道 的内容。\n删除线 粗体", article.PlainText);
        Assert.DoesNotContain("example.com", article.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameBytes_GiveTheSameHash()
    {
        var first = _parser.ParseOk("h.md", "---\ntitle: T\n---\nbody\n");
        var second = _parser.ParseOk("h.md", "---\ntitle: T\n---\nbody\n");
        var changed = _parser.ParseOk("h.md", "---\ntitle: T\n---\nbody!\n");

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.ContentHash, changed.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }
}
