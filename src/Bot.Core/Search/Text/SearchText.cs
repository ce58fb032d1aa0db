using System.Globalization;
using System.Text;

namespace Bot.Core.Search.Text;

/// <summary>
/// The one normalization that both indexed text and queries go through, so that what a reader types
/// and what the index holds compare equal: lone surrogates become spaces, then NFKC (full-width Latin
/// ＭｅＴｏｏ becomes MeToo, half-width katakana becomes full-width), Traditional Chinese characters fold to
/// Simplified ones (<see cref="ChineseFolding"/>), and the index's own run separator can never come from outside.
/// </summary>
public static class SearchText
{
    /// <summary>A private-use character that unicode61 keeps as a token: it marks a break between CJK runs in the bigram columns.</summary>
    public const char RunBreak = '\uE000';

    public static string Normalize(string? text) => ChineseFolding.Fold(NormalizeAsWritten(text));

    /// <summary><see cref="Normalize"/> without the Chinese folding: what a snippet shows when the text as written has no match.</summary>
    public static string NormalizeAsWritten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = ScrubSurrogatesAndBreaks(text);
        try
        {
            return clean.IsNormalized(NormalizationForm.FormKC) ? clean : clean.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unassigned code points can make ICU refuse; the scrubbed text is still safe to index.
            return clean;
        }
    }

    /// <summary>Chinese, Japanese and Korean letters: each is searched as a character, not as part of a word.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0x3400 and <= 0x4DBF => true, // Extension A
        >= 0x20000 and <= 0x323AF => true, // Extensions B–H and compatibility supplement (surrogate pairs in UTF-16)
        >= 0xF900 and <= 0xFAFF => true, // Compatibility Ideographs that NFKC leaves alone
        >= 0x3005 and <= 0x3007 => true, // 々 〆 〇
        >= 0x3021 and <= 0x3029 => true, // Hangzhou numerals
        >= 0x3040 and <= 0x30FF => IsLetterOrMark(rune), // Hiragana, Katakana (ー yes, ・ no)
        >= 0x31F0 and <= 0x31FF => true, // Katakana phonetic extensions
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x3130 and <= 0x318F => true,
        >= 0xA960 and <= 0xA97F => true,
        >= 0xD7B0 and <= 0xD7FF => true,
        _ => false,
    };

    /// <summary>Characters that unicode61 keeps inside a word (its default token categories L*, N*, Co), outside CJK.</summary>
    public static bool IsWordChar(Rune rune)
    {
        if (rune.Value == RunBreak || IsCjk(rune))
        {
            return false;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;
    }

    private static bool IsLetterOrMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string ScrubSurrogatesAndBreaks(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var bad = c == RunBreak || (char.IsSurrogate(c) && !pair);
            if (bad && builder is null)
            {
                builder = new StringBuilder(text.Length);
                builder.Append(text, 0, i);
            }

            if (pair)
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder?.Append(bad ? ' ' : c);
            }
        }

        return builder?.ToString() ?? text;
    }
}
