using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Telegram.Rendering;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Rendering;

/// <summary>A digest reaches the renderer as an article with a negative id, no author, no tags and a list body.</summary>
public sealed class DigestRenderingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void Digest_OfManyArticles_SplitsIntoValidMessages(int count)
    {
        var body = new StringBuilder("共 ").Append(count).Append(" 篇\n\n");
        for (var i = 1; i <= count; i++)
        {
            body.Append("- **第 ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" 篇 \\*标题\\*** · 2026-12-01 · /read ")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append(" · [网页](https://example.org/articles/").Append(i.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        }

        var markdown = body.ToString();
        var digest = new Article(
            -7, "digest-7", "每日摘要 2026-12-02", null, null, null, [], [], null, null, null,
            markdown, markdown, string.Empty, "hash", "zh", ArticleState.Published, null, DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

        var parts = new TelegramArticleRenderer().Render(digest);

        Assert.NotEmpty(parts);
        var visible = new StringBuilder();
        foreach (var part in parts)
        {
            var (text, error) = TelegramHtmlValidator.Parse(part);
            Assert.Null(error);
            Assert.InRange(text!.Length, 1, TelegramLimits.MessageText);
            visible.Append(text);
        }

        Assert.Contains($"/read {count}", visible.ToString(), StringComparison.Ordinal);
    }
}
