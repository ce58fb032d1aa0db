using System.Text;
using Bot.Core.Articles;
using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

public sealed class BrokenInputTests
{
    private readonly ArticleParser _parser = new();

    [Fact]
    public void Parse_UnclosedFrontMatter_SaysSo()
    {
        var error = _parser.ParseError("open.md", Encoding.UTF8.GetBytes("---\ntitle: never closed\n\nbody text\n"));

        Assert.Contains("never closed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesTheLine()
    {
        var error = _parser.ParseError("bad.md", Encoding.UTF8.GetBytes("---\ntitle: ok\ntags: [unclosed, list\ndate: 2020-01-01\n---\nbody\n"));

        Assert.StartsWith("invalid YAML in front matter at line ", error, StringComparison.Ordinal);
        Assert.Matches(@"line [3-5]\b", error);
    }

    [Fact]
    public void Parse_FrontMatterThatIsAList_IsRefused()
    {
        var error = _parser.ParseError("list.md", Encoding.UTF8.GetBytes("---\n- a\n- b\n---\nbody\n"));

        Assert.Contains("key: value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKeys_GiveAnErrorNotAnException()
    {
        var result = _parser.Parse("dup.md", Encoding.UTF8.GetBytes("---\ntitle: a\ntitle: b\n---\nbody\n"));

        Assert.False(result.Succeeded);
        Assert.Contains("YAML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NulBytes_AreABinaryFile()
    {
        var error = _parser.ParseError("image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]);

        Assert.StartsWith("binary file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Gbk_IsNotUtf8()
    {
        // "中文" in GBK: valid bytes for another encoding, invalid UTF-8.
        var error = _parser.ParseError("gbk.txt", [0xD6, 0xD0, 0xCE, 0xC4, 0x0A]);

        Assert.Contains("not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EncodedLoneSurrogate_IsRefused()
    {
        // CESU-style encoding of U+D800: not valid UTF-8, must not become a lone surrogate in a string.
        var error = _parser.ParseError("surrogate.md", [.. "---\ntitle: x\n---\n"u8, 0xED, 0xA0, 0x80]);

        Assert.Contains("not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf16_IsRefusedWithAHint()
    {
        var error = _parser.ParseError("utf16.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("title")).ToArray());

        Assert.Contains("UTF-16", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0D, 0x0A, 0x09 })]
    public void Parse_EmptyFile_IsRefused(byte[] content)
    {
        Assert.Equal("empty file", _parser.ParseError("empty.md", content));
    }

    [Fact]
    public void Parse_FileOverTheLimit_IsRefusedWithItsSize()
    {
        var parser = new ArticleParser(new ImportOptions { MaxFileBytes = 1024 * 1024 });

        var error = parser.ParseError("huge.md", new byte[(1024 * 1024) + 1]);

        Assert.Contains("over the 1 MB limit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OddUnicode_IsKept()
    {
        var article = _parser.ParseOk("odd.md", "---\ntitle: \"𠮷野家 \u200d👩‍👩‍👧 e\u0301\"\n---\n𠮷 \u202e reversed \u0000\n".Replace("\u0000", string.Empty, StringComparison.Ordinal));

        Assert.Equal("𠮷野家 \u200d👩‍👩‍👧 e\u0301", article.Title);
        Assert.Contains("𠮷", article.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedMarkdown_IsRefusedWithAReason()
    {
        var text = "---\ntitle: deep\n---\n" + new string('>', 5000) + " quote\n" + string.Concat(Enumerable.Repeat("[", 20000)) + "\n";

        var result = _parser.Parse("deep.md", Encoding.UTF8.GetBytes(text));

        Assert.False(result.Succeeded);
        Assert.Contains("too deeply nested", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedQuotesWithinReason_AreFlattenedToText()
    {
        var text = "---\ntitle: nested\n---\n" + new string('>', 60) + " quote\n";

        var article = _parser.ParseOk("nested.md", text);

        Assert.Equal("quote", article.PlainText);
    }

    [Fact]
    public void Parse_UnclosedFlowList_NamesTheLine()
    {
        var error = _parser.ParseError("list.md", Encoding.UTF8.GetBytes("---\ntitle: ok\n\ntags: [a, b\n---\nbody\n"));

        Assert.StartsWith("invalid YAML in front matter at line ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Parse_FrontMatterNestedThousandsDeep_IsRefusedWithoutCrashing(string open, string close)
    {
        var yaml = "title: deep\ntags: " + string.Concat(Enumerable.Repeat(open, 20_000)) + "x" + string.Concat(Enumerable.Repeat(close, 20_000));

        var error = _parser.ParseError("deep.md", Encoding.UTF8.GetBytes("---\n" + yaml + "\n---\nbody\n"));

        Assert.True(error.Contains("more than 32 deep", StringComparison.Ordinal) || error.Contains("invalid YAML", StringComparison.Ordinal), error);
    }

    [Fact]
    public void Parse_YamlAliasBomb_StaysSmall()
    {
        const string yaml = """
            ---
            title: bomb
            a: &a [x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            ---
            body
            """;

        var article = _parser.ParseOk("bomb.md", yaml);

        Assert.True(article.Tags.Count <= 50);
        Assert.True(article.Extra["d"].Length < 100_000);
    }
}
