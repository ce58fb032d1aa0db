using System.Buffers;

namespace Bot.Core.Parsing;

/// <summary>Titles and summaries taken from the opening of a text, for files that do not state them.</summary>
internal static class TextLead
{
    public const int MaxTitleLength = 200;
    private const int DerivedTitleMax = 40;
    private const int DerivedTitleEnough = 16;
    private const int SummaryMax = 140;
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？!?\n");

    /// <summary>
    /// The first sentence of the first line, bounded. Transcripts use spaces for punctuation, so a long
    /// "sentence" is cut at the space after enough words rather than in the middle of one.
    /// </summary>
    public static string? Title(string text)
    {
        var line = text.TrimStart();
        var end = line.AsSpan().IndexOfAny(SentenceEnds);
        var period = line.IndexOf(". ", StringComparison.Ordinal);
        if (period >= 0 && (end < 0 || period < end))
        {
            end = period;
        }

        var sentence = (end >= 0 ? line[..end] : line).Trim().TrimEnd('.', ',', ';', ':', '，', '；', '：').TrimEnd();
        if (sentence.Length == 0)
        {
            return null;
        }

        // A Han character carries about a word: Chinese titles are shorter in characters.
        var chinese = LanguageGuess.Of(sentence) == "zh";
        var max = chinese ? DerivedTitleMax : DerivedTitleMax * 2;
        var enough = chinese ? DerivedTitleEnough : DerivedTitleEnough * 3;
        if (sentence.Length <= max)
        {
            return sentence;
        }

        var title = string.Empty;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = title.Length == 0 ? word : title + " " + word;
            if (next.Length > max)
            {
                break;
            }

            title = next;
            if (title.Length >= enough)
            {
                break;
            }
        }

        return title.Length > 0 ? title : Truncate(sentence, max);
    }

    /// <summary>About the first 140 characters of the text on one line, ending at a sentence or word boundary when one is near.</summary>
    public static string? Summary(string plainText)
    {
        // Only the opening matters; do not split a 10 MB text to summarise it.
        var opening = plainText.Length > SummaryMax * 4 ? plainText[..(SummaryMax * 4)] : plainText;
        var flat = string.Join(' ', opening.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length == 0)
        {
            return null;
        }

        if (flat.Length <= SummaryMax)
        {
            return flat;
        }

        var window = flat[..SummaryMax];
        var cut = window.LastIndexOfAny(['。', '！', '？', '.', '!', '?']);
        if (cut >= SummaryMax / 2)
        {
            return window[..(cut + 1)];
        }

        var space = window.LastIndexOf(' ');
        return (space >= SummaryMax / 2 ? window[..space] : window).TrimEnd() + "…";
    }

    /// <summary>Collapses whitespace and bounds the length, for titles from any source.</summary>
    public static string CleanTitle(string title) =>
        Truncate(string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxTitleLength);

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never leave half of a surrogate pair at the cut.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}
