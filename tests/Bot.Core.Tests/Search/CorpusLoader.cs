using System.Globalization;
using Bot.Testing;

namespace Bot.Core.Tests.Search;

/// <summary>
/// Just enough of a Jekyll reader to put the shared corpus into the index: the text after the front
/// matter as plain text, and the title, date and tags lines. The real parser belongs to the ingest work.
/// </summary>
internal static class CorpusLoader
{
    public static IReadOnlyList<TestArticle> Load() =>
        Directory.EnumerateFiles(SharedData.CorpusDir).Order(StringComparer.Ordinal).Select(Read).ToList();

    private static TestArticle Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        var front = end > 0 ? lines[1..end] : [];
        var title = Value(front, "title") ?? Path.GetFileNameWithoutExtension(path);
        DateTimeOffset? date = DateTimeOffset.TryParse(Value(front, "date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var tags = (Value(front, "tags") ?? string.Empty)
            .Split([',', ' ', '[', ']', '"', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new TestArticle(title, string.Join('\n', lines[(end + 1)..]), date, null, tags);
    }

    private static string? Value(string[] front, string key)
    {
        var line = front.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));
        return line?[(key.Length + 1)..].Trim().Trim('"', '\'');
    }
}
