using System.Text;
using Bot.Core.Search.Query;
using Bot.Core.Search.Text;

namespace Bot.Core.Search.Snippets;

/// <summary>
/// Cuts about 80 characters of plain text around the first match of the query's first term that
/// occurs, and marks every term inside it. The snippet is cut from the text as written (full-width
/// Chinese punctuation stays full-width, a Traditional article's snippet stays Traditional: terms are
/// found in the folded text, which has the same length); only when no term is found there (a full-width
/// ＭｅＴｏｏ) is it cut from the NFKC-normalized text that the index saw, still unfolded.
/// </summary>
public static class SnippetBuilder
{
    public const int Length = 80;
    private const int Before = 20;
    private const char Ellipsis = '…';

    /// <param name="title">
    /// When a term is in the title as written, a body without it is not normalized to look again: that costs
    /// ≈ 20 µs per KB, and the best hits are often found by their title.
    /// </param>
    public static (string Snippet, IReadOnlyList<Highlight> Highlights) Build(string text, IReadOnlyList<QueryTerm> terms, string? title = null)
    {
        var needles = terms.SelectMany(t => t.Pieces).ToList();
        var folded = ChineseFolding.Fold(text);
        var first = needles.Select(n => Find(folded, n, 0).Start).FirstOrDefault(at => at >= 0, -1);
        var inTitle = title is not null && needles.Any(n => Find(ChineseFolding.Fold(title), n, 0).Start >= 0);
        if (first < 0 && needles.Count > 0 && !inTitle)
        {
            var normalized = SearchText.NormalizeAsWritten(text);
            var normalizedFolded = ChineseFolding.Fold(normalized);
            first = needles.Select(n => Find(normalizedFolded, n, 0).Start).FirstOrDefault(at => at >= 0, -1);
            text = first >= 0 ? normalized : text;
        }

        return Cut(text, Math.Max(0, first), needles);
    }

    private static (string Snippet, IReadOnlyList<Highlight> Highlights) Cut(string text, int first, List<TermPiece> needles)
    {
        var start = Math.Max(0, first - Before);
        var end = Math.Min(text.Length, start + Length);
        start = Math.Max(0, end - Length);
        start = start > 0 && char.IsLowSurrogate(text[start]) ? start - 1 : start;
        end = end < text.Length && char.IsLowSurrogate(text[end]) ? end + 1 : end;

        var snippet = new StringBuilder(Length + 4);
        if (start > 0)
        {
            snippet.Append(Ellipsis);
        }

        var lastWasSpace = snippet.Length == 0;
        foreach (var c in text.AsSpan(start, end - start))
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    snippet.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            snippet.Append(c);
            lastWasSpace = false;
        }

        var cut = snippet.ToString().TrimEnd() + (end < text.Length ? "…" : string.Empty);
        return (cut, Highlights(cut, needles));
    }

    /// <summary>Every place in <paramref name="text"/> where a term matches (after folding), merged and in order.</summary>
    public static IReadOnlyList<Highlight> Highlights(string text, IReadOnlyList<TermPiece> needles)
    {
        text = ChineseFolding.Fold(text);
        var ranges = new List<(int Start, int Length)>();
        foreach (var needle in needles)
        {
            for (var match = Find(text, needle, 0); match.Start >= 0; match = Find(text, needle, match.Start + match.Length))
            {
                ranges.Add(match);
            }
        }

        var merged = new List<Highlight>();
        foreach (var (start, length) in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && merged[^1].Start + merged[^1].Length >= start)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Length, start + length - last.Start) };
            }
            else
            {
                merged.Add(new Highlight(start, length));
            }
        }

        return merged;
    }

    private static (int Start, int Length) Find(string text, TermPiece needle, int from)
    {
        if (needle.Text.Length == 0)
        {
            return (-1, 0);
        }

        if (needle.IsCjk)
        {
            var at = from < text.Length ? text.IndexOf(needle.Text, from, StringComparison.Ordinal) : -1;
            return (at, needle.Text.Length);
        }

        // A word matches by prefix at the start of a word, case-insensitively (meto → MeToo).
        for (var at = from; at < text.Length; at++)
        {
            at = text.IndexOf(needle.Text, at, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            if (at == 0 || !IsWordCharBefore(text, at))
            {
                var end = at + needle.Text.Length;
                while (end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var used) == System.Buffers.OperationStatus.Done && SearchText.IsWordChar(rune))
                {
                    end += used;
                }

                return (at, end - at);
            }
        }

        return (-1, 0);
    }

    private static bool IsWordCharBefore(string text, int index) =>
        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _) == System.Buffers.OperationStatus.Done && SearchText.IsWordChar(rune);
}
