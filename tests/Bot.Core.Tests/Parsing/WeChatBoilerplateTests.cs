using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

public sealed class WeChatBoilerplateTests
{
    private const string Header = """
        原创 某作者 [某公众号](javascript:void(0);)

        **某公众号** 

        微信号 example123

        功能介绍 只谈常识

        """;

    private const string Footer = """

        ![](https://img.example.com/qr.png)

        **题材敏感，防失联大家可以关注我的备用号：**

        ![](https://img.example.com/qr2.gif)

        往期推荐 点击下方蓝字即可阅读

        ![](https://img.example.com/cover1.jpg)

        [另一篇文章的标题](http://mp.weixin.qq.com/s?__biz=abc&mid=1)  

        [![封面](https://img.example.com/c.jpg)
        ](https://mp.weixin.qq.com/s?x=2)

        ****原创不易，觉得内容还不错的话，请****点赞****，****在看****，****转发****支持一下吧**![](https://img.example.com/like.gif)**
        """;

    [Fact]
    public void Strip_HeaderAndFooter_LeavesTheArticle()
    {
        var body = WeChatBoilerplate.Strip(Header + "第一段正文。\n\n最后一段正文。\n" + Footer);

        Assert.Equal("第一段正文。\n\n最后一段正文。\n\n![](https://img.example.com/qr.png)", body);
    }

    [Fact]
    public void Strip_AccountCardWithoutHeader_IsKept()
    {
        const string text = "**某公众号**\n\n微信号 example123\n\n正文。";

        Assert.Equal(text, WeChatBoilerplate.Strip(text));
    }

    [Fact]
    public void Strip_RecommendedLinkInsideTheArticle_IsKept()
    {
        const string text = "开头。\n\n推荐阅读：[另一篇](https://example.com/a)\n\n文章还在继续，这里是真正的内容。\n";

        Assert.Equal(text.Trim(), WeChatBoilerplate.Strip(text));
    }

    [Fact]
    public void Strip_RelatedHeadingFollowedByProse_IsKept()
    {
        const string text = "开头。\n\n**往期推荐**\n\n这一段不是链接，而是作者写的结语，必须保留。\n";

        Assert.Equal(text.Trim(), WeChatBoilerplate.Strip(text));
    }

    [Fact]
    public void Strip_ReadersPraiseInTheLastParagraph_IsKept()
    {
        const string text = "开头。\n\n王俊守在屏幕前反复点赞、转发、评论，“让所有人关注到才能解决”。\n";

        Assert.Equal(text.Trim(), WeChatBoilerplate.Strip(text));
    }

    [Fact]
    public void Strip_ImageThatEndsTheArticle_IsKept()
    {
        const string text = "正文。\n\n![结尾的图](https://img.example.com/end.png)\n";

        Assert.Equal(text.Trim(), WeChatBoilerplate.Strip(text));
    }

    [Fact]
    public void Strip_RelatedListOfMarkdownListItems_IsRemoved()
    {
        const string text = "正文。\n\n推荐阅读：\n\n- [一](https://example.com/1)\n- [二](https://example.com/2)\n";

        Assert.Equal("正文。", WeChatBoilerplate.Strip(text));
    }
}
