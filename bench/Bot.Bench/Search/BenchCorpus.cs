using System.Globalization;
using Bot.Testing;

namespace Bot.Bench.Search;

internal sealed record BenchArticle(string Title, string Text, DateTimeOffset Published, IReadOnlyList<string> Tags);

/// <summary>The shared corpus read just enough for the benchmark: the text after the front matter and the title, date and tags lines.</summary>
internal static class BenchCorpus
{
    public static IReadOnlyList<BenchArticle> Load() =>
        Directory.EnumerateFiles(SharedData.CorpusDir).Order(StringComparer.Ordinal).Select(Read).ToList();

    private static BenchArticle Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        var front = lines[1..Math.Max(1, end)];
        string? Value(string key) => front.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim().Trim('"', '\'');
        var published = DateTimeOffset.TryParse(Value("date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : DateTimeOffset.UnixEpoch;
        var tags = (Value("tags") ?? string.Empty).Split([',', ' ', '[', ']', '"'], StringSplitOptions.RemoveEmptyEntries);
        return new BenchArticle(Value("title") ?? Path.GetFileNameWithoutExtension(path), string.Join('\n', lines[(end + 1)..]), published, tags);
    }
}
