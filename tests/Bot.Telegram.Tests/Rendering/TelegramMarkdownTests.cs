using Bot.Telegram.Rendering;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Rendering;

public sealed class TelegramMarkdownTests
{
    private static string Html(string markdown) => TelegramHtmlWriter.Write(TelegramMarkdown.Render(markdown));

    [Theory]
    [InlineData("**粗体** and *italic*", "<b>粗体</b> and <i>italic</i>")]
    [InlineData("~~gone~~ `a<b`", "<s>gone</s> <code>a&lt;b</code>")]
    [InlineData("[普京](https://example.com/a?x=1&y=\"2\")", "<a href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\">普京</a>")]
    [InlineData("# 标题\n\n正文", "<b>标题</b>\n\n正文")]
    [InlineData("- one\n- two", "• one\n• two")]
    [InlineData("3. three\n4. four", "3. three\n4. four")]
    [InlineData("> quoted **bold**", "<blockquote>quoted <b>bold</b></blockquote>")]
    [InlineData("![a map](https://example.com/m.png)", "🖼 <a href=\"https://example.com/m.png\">a map</a>")]
    [InlineData("```python\nprint('<x>')\n```", "<pre><code class=\"language-python\">print('&lt;x&gt;')</code></pre>")]
    public void Render_MarkdownConstruct_BecomesTelegramHtml(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b onclick=x>hi</b>")]
    [InlineData("a <div>block</div> b")]
    [InlineData("<div>\nblock html\n</div>")]
    public void Render_HtmlInSource_IsEscapedAsText(string markdown)
    {
        var html = Html(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlValidator.Parse(html).Error);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("[rel](/relative/path)", "rel")]
    public void Render_UnsafeOrRelativeLink_KeepsOnlyText(string markdown, string expected) =>
        Assert.Equal(expected, Html(markdown));

    [Fact]
    public void Render_Table_BecomesTextRows()
    {
        var html = Html("| 名字 | 数 |\n|---|---|\n| 朝鲜 | 1 |");
        Assert.Equal("<b>名字 | 数</b>\n朝鲜 | 1", html);
    }

    [Fact]
    public void Render_NestedQuotesAndFormattingInCode_StayValidForTelegram()
    {
        var html = Html("> outer\n>> inner **b**\n\n`**not bold**`\n\n***both***");
        Assert.Null(TelegramHtmlValidator.Parse(html).Error);
        Assert.Contains("<code>**not bold**</code>", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<blockquote>").Length - 1);
    }

    [Fact]
    public void Render_LoneSurrogateAndControlCharacters_AreReplacedOrDropped()
    {
        var text = TelegramMarkdown.Render("a\uD800b\u0001c\r\nd");
        Assert.Equal("a\uFFFDbc\nd", text.Text);
    }

    [Fact]
    public void Render_EscapedMarkdownFromCore_IsLiteral()
    {
        var escaped = Bot.Core.Rendering.MarkdownText.Escape("<b>*重要*</b> & [x](y)");
        Assert.Equal("&lt;b&gt;*重要*&lt;/b&gt; &amp; [x](y)", Html(escaped));
    }
}
