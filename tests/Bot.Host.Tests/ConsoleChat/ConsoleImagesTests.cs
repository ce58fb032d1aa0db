using Bot.Host.ConsoleChat;
using Bot.Testing.Media;

namespace Bot.Host.Tests.ConsoleChat;

public sealed class ConsoleImagesTests
{
    [Fact]
    public void Article_ImagesPrintedInPlace_StoredByHashMissingByUrl()
    {
        var png = TestImages.Png(4, 4);
        var stored = ImageArticles.Stored(0, "https://img.example/map.png", png, "地图");
        var article = ImageArticles.Create(
            7,
            "图文",
            "第一段。\n\n![地图](https://img.example/map.png)\n\n第二段 <img src=\"https://img.example/gone.jpg\" alt=\"丢失\"> 结尾。",
            stored,
            ImageArticles.Missing(1, "https://img.example/gone.jpg", alt: "丢失"));

        var text = ConsoleRenderer.Article(article, preview: false);

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = Array.IndexOf(lines, "第一段。");
        Assert.Equal($"[image: 地图 — {stored.Stored!.Sha256[..12]}…]", lines[first + 1]);
        Assert.Equal("第二段", lines[first + 2]);
        Assert.Equal("[image: 丢失 — https://img.example/gone.jpg (not archived)]", lines[first + 3]);
        Assert.Equal("结尾。", lines[first + 4]);
    }
}
