using System.Text;

namespace Bot.Core.Search.Text;

/// <summary>
/// What one field (title or body) becomes in the index, already split so that unicode61 only has to
/// split on spaces and fold case.
/// <see cref="Unigrams"/>: every CJK character as a token, other text as is (unicode61 makes words of it).
/// <see cref="Bigrams"/>: one token per joined pair of neighbours, where a neighbour is a CJK character or a
/// word: two CJK characters written together (朝鲜), or a word and a CJK character written together or with
/// only spaces between them (2018年, iPhone 手机). <see cref="SearchText.RunBreak"/> stands where a chain of
/// pairs is broken, so a phrase of consecutive pairs is exactly a substring of one chain and never spans
/// punctuation. A term of n neighbours is then a phrase of n−1 tokens: one token for 普京 or 2018年.
/// </summary>
public sealed record IndexedText(string Unigrams, string Bigrams)
{
    /// <summary>Longer words are not paired with CJK neighbours: no query term can name them (QueryParser.MaxTermRunes).</summary>
    public const int MaxPairedWord = 64;

    public static IndexedText From(string normalized)
    {
        var unigrams = new StringBuilder(normalized.Length * 2);
        var pairs = new PairWriter(new StringBuilder(normalized.Length * 3));
        var word = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (SearchText.IsWordChar(rune))
            {
                Append(word, rune);
                Append(unigrams, rune);
                continue;
            }

            if (word.Length > 0)
            {
                pairs.Word(word.ToString());
                word.Clear();
            }

            if (SearchText.IsCjk(rune))
            {
                Append(unigrams.Append(' '), rune).Append(' ');
                pairs.Cjk(rune);
                continue;
            }

            Append(unigrams, rune);
            pairs.Separator(Rune.IsWhiteSpace(rune));
        }

        if (word.Length > 0)
        {
            pairs.Word(word.ToString());
        }

        return new IndexedText(unigrams.ToString(), pairs.ToString());
    }

    // Rune.ToString() would allocate a string per character of a 30,000-character article.
    private static StringBuilder Append(StringBuilder builder, Rune rune)
    {
        Span<char> utf16 = stackalloc char[2];
        return builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
    }

    /// <summary>The neighbour before the current one (a CJK character or a word) and what stood between them.</summary>
    private sealed class PairWriter(StringBuilder output)
    {
        private Rune? _previousCjk;
        private string? _previousWord;
        private Gap _gap;
        private bool _endsWithBreak = true;

        private enum Gap
        {
            None,
            Spaces,
            Broken,
        }

        public void Cjk(Rune rune)
        {
            // Two CJK characters pair only when written together: 朝 鲜 is not 朝鲜.
            var joined = _previousCjk is not null ? _gap == Gap.None : _previousWord is not null && _gap != Gap.Broken;
            if (BeginPair(joined))
            {
                Append(output, rune).Append(' ');
            }

            (_previousCjk, _previousWord, _gap) = (rune, null, Gap.None);
        }

        public void Word(string word)
        {
            // Two words never pair (the unigram columns hold word phrases); a long word ends the chain.
            var paired = word.Length <= MaxPairedWord;
            if (BeginPair(paired && _previousCjk is not null && _gap != Gap.Broken))
            {
                output.Append(word).Append(' ');
            }

            (_previousCjk, _previousWord, _gap) = (null, paired ? word : null, Gap.None);
        }

        public void Separator(bool whitespace)
        {
            _gap = whitespace && _gap != Gap.Broken ? Gap.Spaces : Gap.Broken;
        }

        public override string ToString() => output.ToString();

        /// <summary>Writes the previous neighbour when the current one pairs with it, else a break (once).</summary>
        private bool BeginPair(bool joined)
        {
            if (joined)
            {
                if (_previousCjk is { } cjk)
                {
                    Append(output, cjk);
                }
                else
                {
                    output.Append(_previousWord);
                }

                _endsWithBreak = false;
                return true;
            }

            if (!_endsWithBreak)
            {
                output.Append(SearchText.RunBreak).Append(' ');
                _endsWithBreak = true;
            }

            return false;
        }
    }
}
