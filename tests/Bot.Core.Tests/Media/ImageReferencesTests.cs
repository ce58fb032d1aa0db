using Bot.Core.Media;

namespace Bot.Core.Tests.Media;

public sealed class ImageReferencesTests
{
    [Fact]
    public void FromMarkdown_ImagesInOrder_OnePerDistinctUrl()
    {
        const string body = """
            开头 ![地图](https://img.example/map.png "标题") 文字

            ![](https://img.example/a.jpg)

            [![链接里的图](https://img.example/b.gif)](https://example.org/page)

            ![again](https://img.example/map.png)

            ![参考图][ref]

            [ref]: https://img.example/ref.webp
            """;

        var found = ImageReferences.FromMarkdown(body, null, max: 50);

        Assert.Equal(
            [
                new ImageReference("https://img.example/map.png", "地图"),
                new ImageReference("https://img.example/a.jpg", ""),
                new ImageReference("https://img.example/b.gif", "链接里的图"),
                new ImageReference("https://img.example/ref.webp", "参考图"),
            ],
            found);
    }

    [Fact]
    public void FromMarkdown_HtmlImgTags_DataSrcBeforePlaceholderSrc_AndLargestSrcset()
    {
        const string body = """
            <p><img data-src="https://mmbiz.example/pic?wx_fmt=jpeg&amp;from=appmsg" src="data:image/svg+xml,%3Csvg%3E" alt='微信图'></p>

            文字 <img src="/relative/pic.png" alt="相对"> 文字

            <img srcset="https://img.example/s.png 320w, https://img.example/l.png 1280w, https://img.example/m.png 640w">
            """;

        var found = ImageReferences.FromMarkdown(body, "https://blog.example/posts/1", max: 50);

        Assert.Equal(
            [
                new ImageReference("https://mmbiz.example/pic?wx_fmt=jpeg&from=appmsg", "微信图"),
                new ImageReference("https://blog.example/relative/pic.png", "相对"),
                new ImageReference("https://img.example/l.png", ""),
            ],
            found);
    }

    [Fact]
    public void FromMarkdown_UnusableAddresses_AreSkipped()
    {
        const string body = """
            ![](data:image/png;base64,iVBORw0KGgo=) ![](javascript:alert(1)) ![](file:///etc/passwd) ![](relative.png) ![]()
            ![ok](//cdn.example/x.png)
            """;

        Assert.Equal([new ImageReference("https://cdn.example/x.png", "ok")], ImageReferences.FromMarkdown(body, baseUrl: null, max: 50));
    }

    [Fact]
    public void FromMarkdown_MoreThanTheLimit_KeepsTheFirst()
    {
        var body = string.Join("\n\n", Enumerable.Range(0, 80).Select(i => $"![{i}](https://img.example/{i}.png)"));

        var found = ImageReferences.FromMarkdown(body, null, max: 50);

        Assert.Equal(50, found.Count);
        Assert.Equal("https://img.example/49.png", found[^1].Url);
    }

    [Fact]
    public void FromHtml_FeedContent_FindsImgTagsOnly()
    {
        const string html = """<div><img src="https://img.example/1.png" alt="一"><a href="https://img.example/not-an-image.png">x</a><IMG SRC=https://img.example/2.jpg></div>""";

        Assert.Equal(
            ["https://img.example/1.png", "https://img.example/2.jpg"],
            ImageReferences.FromHtml(html, null, 50).Select(r => r.Url));
    }

    [Fact]
    public void Largest_SrcsetWithDensities_PicksTheHighest() =>
        Assert.Equal("b.png", HtmlImageTags.Largest("a.png 1x, b.png 2x"));
}
