using System.Text.RegularExpressions;
using Bot.Core.Parsing;
using Bot.Telegram.Rendering;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Rendering;

/// <summary>Every real article of the shared corpus, rendered for Telegram, must be accepted by Telegram and lose no text.</summary>
public sealed partial class CorpusRenderingTests
{
    [SharedDataFact]
    public void RenderCorpus_EveryPartIsValidHtmlWithinTheLimit_AndNoTextIsLost()
    {
        var parser = new ArticleParser();
        var renderer = new TelegramArticleRenderer();
        var files = Directory.EnumerateFiles(SharedData.CorpusDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(files);
        var split = 0;
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var parsed = parser.Parse(Path.GetFileName(file), File.ReadAllBytes(file));
            if (!parsed.Succeeded)
            {
                continue;
            }

            var article = parsed.Article!.ToArticle(index + 1);
            var parts = renderer.Render(article);
            split += parts.Count > 1 ? 1 : 0;
            var visible = new List<string>();
            foreach (var part in parts)
            {
                var (text, error) = TelegramHtmlValidator.Parse(part);
                Assert.True(error is null, $"{Path.GetFileName(file)}: {error}");
                Assert.True(text!.Trim().Length <= TelegramLimits.MessageText, $"{Path.GetFileName(file)}: a part has {text.Length} characters");
                visible.Add(parts.Count > 1 ? Marker().Replace(text, string.Empty) : text);
            }

            var expected = NonSpace(TelegramArticleRenderer.Format(article).Text);
            Assert.True(expected == NonSpace(string.Concat(visible)), $"{Path.GetFileName(file)}: text was lost or duplicated between parts");
        }

        // The corpus has long articles: splitting is really exercised.
        Assert.True(split > 0);
    }

    private static string NonSpace(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s*\(\d+/\d+\)$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
