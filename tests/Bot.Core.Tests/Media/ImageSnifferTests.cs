using Bot.Core.Articles;
using Bot.Core.Media;
using Bot.Testing.Media;

namespace Bot.Core.Tests.Media;

public sealed class ImageSnifferTests
{
    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("gif", "image/gif")]
    [InlineData("webp", "image/webp")]
    public void Sniff_EachFormat_ReadsTypeAndSize(string format, string expected)
    {
        var bytes = format switch
        {
            "png" => TestImages.Png(37, 12),
            "jpeg" => TestImages.Jpeg(37, 12),
            "gif" => TestImages.Gif(37, 12),
            _ => TestImages.WebP(37, 12),
        };

        Assert.Equal(new ImageInfo(expected, 37, 12), ImageSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_HtmlPage_IsNotAnImage() => Assert.Null(ImageSniffer.Sniff(TestImages.HtmlPage));

    [Fact]
    public void Sniff_TruncatedHeaders_AreNotImages()
    {
        Assert.Null(ImageSniffer.Sniff(TestImages.Png(3, 3).AsSpan(0, 20)));
        Assert.Null(ImageSniffer.Sniff(TestImages.Jpeg(3, 3).AsSpan(0, 30)));
        Assert.Null(ImageSniffer.Sniff(TestImages.Gif(3, 3).AsSpan(0, 8)));
        Assert.Null(ImageSniffer.Sniff(TestImages.WebP(3, 3).AsSpan(0, 22)));
        Assert.Null(ImageSniffer.Sniff([]));
    }

    [Fact]
    public void Sniff_JpegWithApplicationSegmentsBeforeTheFrame_FindsTheFrame()
    {
        var jpeg = TestImages.Jpeg(640, 480);
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] withApp = [.. jpeg[..2], .. app0, .. jpeg[2..]];

        Assert.Equal(new ImageInfo(ImageInfo.Jpeg, 640, 480), ImageSniffer.Sniff(withApp));
    }

    [Fact]
    public void Sniff_ZeroSizedPng_IsRefused()
    {
        var png = TestImages.Png(1, 1);
        png.AsSpan(16, 4).Clear();

        Assert.Null(ImageSniffer.Sniff(png));
    }
}
