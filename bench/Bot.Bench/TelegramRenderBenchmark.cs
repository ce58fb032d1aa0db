using System.Diagnostics;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Parsing;
using Bot.Telegram.Rendering;
using Bot.Testing;

namespace Bot.Bench;

/// <summary>
/// Telegram rendering of whole articles (Markdown → entities → split → HTML) against Markdig's own
/// HTML rendering of the same bodies, measured in the same run: the ratio says what splitting and
/// Telegram's rules cost over plain Markdown rendering.
/// </summary>
public sealed class TelegramRenderBenchmark : IBenchmark
{
    public string Name => "telegram-render";

    public string Description => "Telegram article rendering and splitting vs Markdig HTML (corpus, or synthetic without ../shared)";

    public Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var articles = LoadArticles();
        var rounds = 5;

        // Warm up both paths so JIT and regex construction are not measured.
        Measure(articles, a => Markdig.Markdown.ToHtml(a.Body).Length);
        Measure(articles, a => new TelegramArticleRenderer().Render(a).Count);

        var baseline = Enumerable.Range(0, rounds).Select(_ => Measure(articles, a => Markdig.Markdown.ToHtml(a.Body).Length)).Min();
        var telegram = Enumerable.Range(0, rounds).Select(_ => Measure(articles, a => new TelegramArticleRenderer().Render(a).Count)).Min();
        var parts = articles.Sum(a => new TelegramArticleRenderer().Render(a).Count);
        var chars = articles.Sum(a => (long)a.Body.Length);
        var result = new
        {
            articles = articles.Count,
            body_chars = chars,
            telegram_parts = parts,
            markdig_html_ms = baseline.TotalMilliseconds,
            telegram_ms = telegram.TotalMilliseconds,
            ratio_vs_markdig = telegram.TotalMilliseconds / baseline.TotalMilliseconds,
            telegram_mb_per_s = chars / 1e6 / telegram.TotalSeconds,
        };
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            Console.WriteLine($"articles {result.articles}, {result.body_chars:N0} body chars, {result.telegram_parts} Telegram messages");
            Console.WriteLine($"markdig ToHtml (baseline) {result.markdig_html_ms,10:F1} ms");
            Console.WriteLine($"telegram render + split   {result.telegram_ms,10:F1} ms   ratio {result.ratio_vs_markdig:F2}x   {result.telegram_mb_per_s:F1} M chars/s");
        }

        return Task.FromResult(0);
    }

    private static TimeSpan Measure(List<Article> articles, Func<Article, int> render)
    {
        var watch = Stopwatch.StartNew();
        var sink = 0;
        foreach (var article in articles)
        {
            sink += render(article);
        }

        watch.Stop();
        GC.KeepAlive(sink);
        return watch.Elapsed;
    }

    private static List<Article> LoadArticles()
    {
        var parser = new ArticleParser();
        var parsed = SharedData.Available
            ? Directory.EnumerateFiles(SharedData.CorpusDir, "*.md", SearchOption.AllDirectories)
                .Select(f => parser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)).Article)
                .OfType<ParsedArticle>()
                .ToList()
            : Enumerable.Range(0, 200)
                .Select(i => parser.Parse($"s{i}.md", System.Text.Encoding.UTF8.GetBytes(Synthetic(i))).Article!)
                .ToList();
        return parsed.Select((p, i) => new Article(
            i + 1, p.Slug, p.Title, p.Author, p.Published, p.Updated, p.Tags, p.Categories, p.Summary, p.SourceUrl, p.SourceFile,
            p.Body, p.PlainText, p.Source, p.ContentHash, p.Language, ArticleState.Published, null, p.Published, p.Extra)).ToList();
    }

    private static string Synthetic(int i) =>
        $"---\ntitle: 合成文章 {i}\n---\n\n" + string.Join("\n\n", Enumerable.Range(0, 30).Select(p => $"第{p}段，**朝鲜**与[普京](https://example.com/{p})。" + new string('文', 300)));
}
