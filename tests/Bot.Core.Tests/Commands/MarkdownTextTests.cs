using Bot.Core.Rendering;
using Markdig;

namespace Bot.Core.Tests.Commands;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<b>标题</b>")]
    [InlineData("*重要* _强调_ `code` [链接](http://x)")]
    [InlineData("# not a heading")]
    [InlineData("1. not a list")]
    [InlineData("@everyone \\ back\\slash")]
    public void Escape_AnyText_RendersLiterally(string text)
    {
        var html = Markdown.ToHtml(MarkdownText.Escape(text));
        var plain = Markdown.ToPlainText(MarkdownText.Escape(text)).Trim();

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Equal(text, plain);
    }

    [Fact]
    public void Escape_NewLines_BecomeSpaces()
    {
        Assert.Equal("a b", MarkdownText.Escape("a\nb"));
    }
}
