using System.Text;

namespace Bot.Core.Search.Text;

/// <summary>
/// Folds Traditional Chinese characters to Simplified ones, one character for one character, from OpenCC's
/// maintained table TSCharacters (Search/Text/OpenCC): each Traditional character, including Taiwan's and Hong Kong's
/// usual forms, becomes its first Simplified form.
/// The index and every query fold the same way, so 學生 and 学生 find the same articles, and a character that
/// several Traditional ones share (髮 and 發 → 发, 乾 and 幹 → 干) finds all of them whichever is typed.
/// Simplified text is left as it is: a character that is already a Simplified form never folds.
/// The fold never changes a string's length in UTF-16 units, so a position found in folded text is the same
/// position in the text as written (snippets show the article's own characters); the few hundred rare mappings
/// between a BMP character and one outside it are left out for that reason.
/// </summary>
public static class ChineseFolding
{
    private static readonly char[] Bmp = new char[char.MaxValue + 1];
    private static readonly Dictionary<int, int> Supplementary = [];
    private static readonly Dictionary<Rune, Rune> Folds = Build();

    /// <summary>Every character that folds, and what it folds to.</summary>
    internal static IReadOnlyDictionary<Rune, Rune> Mapping => Folds;

    public static Rune Fold(Rune rune) =>
        rune.IsBmp ? new Rune(Bmp[rune.Value]) : Supplementary.TryGetValue(rune.Value, out var folded) ? new Rune(folded) : rune;

    /// <summary>The folded text, of the same length; the same instance when nothing folds (all Simplified or no Chinese).</summary>
    public static string Fold(string text)
    {
        var first = FirstFolding(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            FoldFrom(span, state.first);
        });
    }

    private static int FirstFolding(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Bmp[c] != c)
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && Supplementary.ContainsKey(char.ConvertToUtf32(c, text[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private static void FoldFrom(Span<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Supplementary.TryGetValue(char.ConvertToUtf32(c, text[i + 1]), out var folded))
                {
                    new Rune(folded).EncodeToUtf16(text[i..]);
                }

                i++;
                continue;
            }

            text[i] = Bmp[c];
        }
    }

    private static Dictionary<Rune, Rune> Build()
    {
        // Taiwan's and Hong Kong's usual forms (為, 裡, 啟, 偽, 綫, 說) are keys of TSCharacters too. Its variant
        // tables are not used: taken backwards they would also fold characters that Simplified text uses (著 → 着).
        var folds = Read("TSCharacters").ToDictionary(e => e.Key, e => e.Values[0]);

        // Follow chains (薴 → 苧 → 苎) so that folding twice changes nothing; keep only same-length folds.
        var resolved = new Dictionary<Rune, Rune>();
        foreach (var from in folds.Keys)
        {
            var to = from;
            for (var hops = 0; hops < 8 && folds.TryGetValue(to, out var next) && next != to; hops++)
            {
                to = next;
            }

            if (to != from && from.Utf16SequenceLength == to.Utf16SequenceLength)
            {
                resolved[from] = to;
            }
        }

        for (var c = 0; c <= char.MaxValue; c++)
        {
            Bmp[c] = (char)c;
        }

        foreach (var (from, to) in resolved)
        {
            if (from.IsBmp)
            {
                Bmp[from.Value] = (char)to.Value;
            }
            else
            {
                Supplementary[from.Value] = to.Value;
            }
        }

        return resolved;
    }

    /// <summary>The single-character entries of one embedded OpenCC table: a key and its values, the preferred first.</summary>
    private static List<(Rune Key, List<Rune> Values)> Read(string table)
    {
        using var stream = typeof(ChineseFolding).Assembly.GetManifestResourceStream($"OpenCC.{table}.txt")
            ?? throw new InvalidOperationException($"OpenCC table {table} is not embedded in Bot.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<(Rune, List<Rune>)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab < 0 || !TrySingleRune(line[..tab], out var key))
            {
                continue;
            }

            var values = new List<Rune>();
            foreach (var value in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (TrySingleRune(value, out var rune))
                {
                    values.Add(rune);
                }
            }

            if (values.Count > 0)
            {
                entries.Add((key, values));
            }
        }

        return entries;
    }

    private static bool TrySingleRune(string text, out Rune rune) =>
        Rune.DecodeFromUtf16(text, out rune, out var used) == System.Buffers.OperationStatus.Done && used == text.Length;
}
