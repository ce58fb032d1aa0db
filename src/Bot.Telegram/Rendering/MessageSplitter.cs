using System.Globalization;

namespace Bot.Telegram.Rendering;

/// <summary>
/// Splits formatted text into messages of at most <see cref="TelegramLimits.MessageText"/> UTF-16 units
/// of visible text: at paragraph breaks, else after a sentence end, else at a line break or space, and
/// never inside a link or a surrogate pair. Tags open at a cut are closed and reopened in the next part,
/// so every part is well-formed on its own. Parts of a split text end with "(k/n)".
/// </summary>
public static class MessageSplitter
{
    // Room kept for "\n\n(999/999)" so the marker never pushes a part over the limit.
    private const int MarkerReserve = 16;
    private const string SentenceEnds = "。！？；.!?";
    private const string ClosingQuotes = "”’\"'」』）)】》";

    public static IReadOnlyList<FormattedText> Split(FormattedText text, int limit = TelegramLimits.MessageText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, MarkerReserve * 2);
        var (start, end) = Trim(text.Text, 0, text.Text.Length);
        if (end - start <= limit)
        {
            return [text.Slice(start, end)];
        }

        var budget = limit - MarkerReserve;
        var ranges = new List<(int Start, int End)>();
        while (start < end)
        {
            var cut = end - start <= budget ? end : FindCut(text, start, start + budget);
            var (partStart, partEnd) = Trim(text.Text, start, cut);
            if (partEnd > partStart)
            {
                ranges.Add((partStart, partEnd));
            }

            (start, _) = Trim(text.Text, cut, end);
        }

        return ranges
            .Select((r, i) => text.Slice(r.Start, r.End).AppendPlain(string.Create(CultureInfo.InvariantCulture, $"\n\n({i + 1}/{ranges.Count})")))
            .ToList();
    }

    private static int FindCut(FormattedText text, int start, int max)
    {
        var s = text.Text;
        var cut = LastParagraphBreak(s, start + ((max - start) / 2), max)
            ?? LastSentenceEnd(s, start + ((max - start) / 4), max)
            ?? LastIndexIn(s, '\n', start + ((max - start) / 4), max)
            ?? LastIndexIn(s, ' ', start + ((max - start) / 4), max)
            ?? max;
        cut = OutsideLinks(text, start, cut);
        if (cut < s.Length && cut > start && char.IsLowSurrogate(s[cut]) && char.IsHighSurrogate(s[cut - 1]))
        {
            cut--;
        }

        return cut > start ? cut : max;
    }

    // A link is never cut: the cut moves to before the link, unless the link starts the part (a link
    // longer than a whole message), where it is split and both halves keep the address.
    private static int OutsideLinks(FormattedText text, int start, int cut)
    {
        foreach (var entity in text.Entities)
        {
            if (entity.Tag.IsLink && entity.Start < cut && cut < entity.End && entity.Start > start)
            {
                cut = entity.Start;
            }
        }

        return cut;
    }

    private static int? LastParagraphBreak(string s, int from, int max)
    {
        var at = s.LastIndexOf("\n\n", Math.Min(max, s.Length - 1), Math.Min(max, s.Length - 1) - from + 1, StringComparison.Ordinal);
        return at > from ? at : null;
    }

    private static int? LastSentenceEnd(string s, int from, int max)
    {
        for (var i = max - 1; i > from; i--)
        {
            if (!SentenceEnds.Contains(s[i], StringComparison.Ordinal))
            {
                continue;
            }

            var after = i + 1;
            while (after < max && ClosingQuotes.Contains(s[after], StringComparison.Ordinal))
            {
                after++;
            }

            // "3.14" and "example.com" are not sentence ends; a Latin full stop needs a space after it.
            if (s[i] is '.' or '!' or '?' && after < s.Length && !char.IsWhiteSpace(s[after]))
            {
                continue;
            }

            return after;
        }

        return null;
    }

    private static int? LastIndexIn(string s, char c, int from, int max)
    {
        for (var i = max - 1; i > from; i--)
        {
            if (s[i] == c)
            {
                return i;
            }
        }

        return null;
    }

    private static (int Start, int End) Trim(string s, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
