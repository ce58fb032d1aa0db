using Bot.Discord.Rendering;

namespace Bot.Discord.Tests.Rendering;

public sealed class DiscordMarkdownTests
{
    [Fact]
    public void FromArticle_Image_BecomesALink()
    {
        Assert.Equal("看图 [地图](https://example.com/map.png)", DiscordMarkdown.FromArticle("看图 ![地图](https://example.com/map.png \"标题\")"));
    }

    [Fact]
    public void FromArticle_ImageWithoutAlt_GetsAName()
    {
        Assert.Equal("[image](https://example.com/x.png)", DiscordMarkdown.FromArticle("![](https://example.com/x.png)"));
    }

    [Fact]
    public void FromArticle_Html_StaysLiteral()
    {
        Assert.Equal("\\<b>粗\\</b> and \\<@123>", DiscordMarkdown.FromArticle("<b>粗</b> and <@123>"));
    }

    [Fact]
    public void FromArticle_DeepHeading_BecomesBold()
    {
        Assert.Equal("**小节**", DiscordMarkdown.FromArticle("#### 小节"));
        Assert.Equal("## 大节", DiscordMarkdown.FromArticle("## 大节"));
    }

    [Fact]
    public void FromArticle_CodeBlock_IsLeftAlone()
    {
        var text = "```html\n<b>![x](y)</b>\n```";

        Assert.Equal(text, DiscordMarkdown.FromArticle(text));
    }
}
