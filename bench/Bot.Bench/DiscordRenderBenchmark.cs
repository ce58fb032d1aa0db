using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Discord;
using Bot.Discord.Rendering;
using Microsoft.Extensions.Options;

namespace Bot.Bench;

/// <summary>
/// How long the Discord renderer takes to turn a long article into an embed and ≤ 2000-character
/// parts, as a ratio to a baseline measured in the same run: cutting the same text every 2000
/// characters (what a renderer that ignored sentences, code blocks and surrogates would cost).
/// </summary>
public sealed class DiscordRenderBenchmark : IBenchmark
{
    public string Name => "discord-render";

    public string Description => "Discord article rendering (embed + parts) vs fixed-size cutting";

    public Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var json = args.Contains("--json");
        var renderer = new ArticleRenderer(Options.Create(new DiscordOptions()));
        var rows = new List<object>();
        foreach (var kilobytes in new[] { 4, 64, 512 })
        {
            var article = MakeArticle(kilobytes * 1024);
            var iterations = Math.Max(5, 4096 / kilobytes);
            var parts = renderer.Render(article).Count;
            var baseline = Measure(iterations, () => NaiveCut(article.Body).Count);
            var rendered = Measure(iterations, () => renderer.Render(article).Count);
            rows.Add(new { kilobytes, parts, iterations, baselineMs = baseline, renderMs = rendered, ratio = rendered / baseline });
            if (!json)
            {
                Console.WriteLine($"{kilobytes,5} KB  {parts,4} parts  baseline {baseline,8:0.000} ms  render {rendered,8:0.000} ms  ratio {rendered / baseline,6:0.0}x");
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(rows));
        }

        return Task.FromResult(0);
    }

    /// <summary>Median milliseconds of one call, after a warm-up.</summary>
    private static double Measure(int iterations, Func<int> run)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[iterations / 2];
    }

    private static List<string> NaiveCut(string text)
    {
        var parts = new List<string>();
        for (var i = 0; i < text.Length; i += 2000)
        {
            parts.Add(text.Substring(i, Math.Min(2000, text.Length - i)));
        }

        return parts;
    }

    private static Article MakeArticle(int size)
    {
        // Chinese prose with sentence ends, an image, some HTML and a code block now and then: the shapes of the archive.
        var body = new StringBuilder(size + 256);
        for (var i = 0; body.Length < size; i++)
        {
            body.Append('第').Append(i).Append("段：朝鲜与普京的会面引起关注。各方表示，局势仍在变化！记者追问：下一步如何？");
            body.Append(i % 7 == 0 ? " ![地图](https://example.com/map.png) <b>注</b>" : string.Empty);
            body.Append("\n\n");
            if (i % 25 == 0)
            {
                body.Append("```python\n").Append(string.Concat(Enumerable.Repeat("print('hello')\n", 40))).Append("```\n\n");
            }
        }

        var text = body.ToString();
        return new Article(1, "bench", "基准文章", "记者", DateTimeOffset.UnixEpoch, null, ["国际"], [], "摘要", "https://example.com/a/1", null,
            text, text, text, "hash", "zh", ArticleState.Published, null, DateTimeOffset.UnixEpoch, new Dictionary<string, string>());
    }
}
