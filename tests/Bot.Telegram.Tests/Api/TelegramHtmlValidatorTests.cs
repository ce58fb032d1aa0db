using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Api;

/// <summary>The fake must refuse what Telegram refuses, or tests of the renderer prove nothing.</summary>
public sealed class TelegramHtmlValidatorTests
{
    [Theory]
    [InlineData("<b>x</b> <i>y</i> <a href=\"https://e.com\">l</a> &lt;&gt;&amp;&quot;&#39;&#x4F60;", "x y l <>&\"'你")]
    [InlineData("<pre><code class=\"language-c\">int</code></pre>", "int")]
    [InlineData("<blockquote><b>q</b></blockquote>", "q")]
    [InlineData("a & b", "a & b")]
    public void Parse_ValidHtml_GivesVisibleText(string html, string expected) =>
        Assert.Equal(expected, TelegramHtmlValidator.Parse(html).Text);

    [Theory]
    [InlineData("<div>x</div>")]
    [InlineData("<b>x")]
    [InlineData("<b><i>x</b></i>")]
    [InlineData("x</b>")]
    [InlineData("<code><b>x</b></code>")]
    [InlineData("<blockquote><blockquote>x</blockquote></blockquote>")]
    [InlineData("<a>no href</a>")]
    [InlineData("1 < 2")]
    public void Parse_InvalidHtml_FailsLikeTelegram(string html) =>
        Assert.StartsWith("Bad Request: can't parse entities", TelegramHtmlValidator.Parse(html).Error, StringComparison.Ordinal);
}
