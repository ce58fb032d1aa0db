using System.Text;

namespace Bot.Core.Search.Text;

/// <summary>
/// What one field (title or body) becomes in the index, already split so that unicode61 only has to
/// split on spaces and fold case. <see cref="Unigrams"/>: every CJK character as a token, other text as is
/// (unicode61 makes words of it). <see cref="Bigrams"/>: overlapping pairs of each CJK run, with
/// <see cref="SearchText.RunBreak"/> between runs, so a phrase of consecutive bigrams is exactly a
/// substring inside one run and never spans punctuation, spaces or Latin text.
/// </summary>
public sealed record IndexedText(string Unigrams, string Bigrams)
{
    public static IndexedText From(string normalized)
    {
        var unigrams = new StringBuilder(normalized.Length * 2);
        var bigrams = new StringBuilder(normalized.Length * 3);
        Rune? previous = null;
        var bigramsEndWithBreak = true;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (SearchText.IsCjk(rune))
            {
                unigrams.Append(' ');
                Append(unigrams, rune).Append(' ');
                if (previous is { } before)
                {
                    Append(Append(bigrams, before), rune).Append(' ');
                    bigramsEndWithBreak = false;
                }

                previous = rune;
                continue;
            }

            if (previous is not null && !bigramsEndWithBreak)
            {
                bigrams.Append(SearchText.RunBreak).Append(' ');
                bigramsEndWithBreak = true;
            }

            previous = null;
            Append(unigrams, rune);
        }

        return new IndexedText(unigrams.ToString(), bigrams.ToString());
    }

    // Rune.ToString() would allocate a string per character of a 30,000-character article.
    private static StringBuilder Append(StringBuilder builder, Rune rune)
    {
        Span<char> utf16 = stackalloc char[2];
        return builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
    }
}
