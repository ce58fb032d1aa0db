using Bot.Core.Sources.Html;
using Bot.Core.Sources.Pages;

namespace Bot.Core.Tests.Sources;

public sealed class PageExtractorTests
{
    [Fact]
    public void Extract_WeChatArticle_KeepsTextAndLazyImagesWithoutBoilerplate()
    {
        var result = PageExtractor.Extract(SourceFixtures.Text("wechat.html"), new Uri("https://mp.weixin.qq.com/s/abc"));

        var page = result.Page!;
        Assert.Equal("她们的故事：一次访谈", page.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 5, 20, 0, 0, TimeSpan.FromHours(8)), page.Published);
        Assert.Contains("我们在一个下雨的下午见面", page.Markdown);
        Assert.Contains("![](https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg)", page.Markdown);
        Assert.Contains("> 写作让我看见自己。", page.Markdown);
        Assert.DoesNotContain("data:image", page.Markdown);
        Assert.DoesNotContain("往期推荐", page.Markdown);
        Assert.DoesNotContain("她们的声音", page.Markdown);
        Assert.DoesNotContain("扫一扫", page.Markdown);
        Assert.DoesNotContain("分享", page.Markdown);
    }

    [Fact]
    public void Extract_NewsPage_ReadsMetaAndJsonLdAndLeavesNavigationOut()
    {
        var page = PageExtractor.Extract(SourceFixtures.Text("news.html"), new Uri("https://news.example.org/2024/04/library")).Page!;

        Assert.Equal("City council votes on the new library", page.Title);
        Assert.Equal("Jane Reporter", page.Author);
        Assert.Equal(new DateTimeOffset(2024, 4, 20, 7, 45, 0, TimeSpan.FromHours(2)), page.Published);
        Assert.Equal(["city", "libraries"], page.Tags);
        Assert.Contains("The city council voted on Tuesday evening", page.Markdown);
        Assert.Contains("![The planned library](https://news.example.org/images/library.jpg)", page.Markdown);
        Assert.DoesNotContain("Share on Twitter", page.Markdown);
        Assert.DoesNotContain("Most read", page.Markdown);
        Assert.DoesNotContain("World", page.Markdown);
    }

    [Fact]
    public void Extract_Blog_TakesTimeElementAndLazyImage()
    {
        var page = PageExtractor.Extract(SourceFixtures.Text("blog.html"), new Uri("https://blog.example.org/pages/blog.html")).Page!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), page.Published);
        Assert.Contains("This is the full text of the long story", page.Markdown);
        Assert.Contains("[links](https://blog.example.org/related)", page.Markdown);
        Assert.Contains("![lazy picture](https://blog.example.org/img/lazy.png)", page.Markdown);
        Assert.DoesNotContain("Archives", page.Markdown);
        Assert.DoesNotContain("No comments", page.Markdown);
    }

    [Fact]
    public void Extract_EmptyPage_GivesAnError()
    {
        var result = PageExtractor.Extract("<html><body><script>x()</script></body></html>", new Uri("https://x.example/"));

        Assert.Null(result.Page);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Decode_GbkPageWithMetaCharset_IsRead()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding("GBK").GetBytes("<html><head><meta charset=\"gb2312\"></head><body><p>中文网页</p></body></html>");

        Assert.Contains("中文网页", HtmlText.Decode(bytes, null));
    }
}
