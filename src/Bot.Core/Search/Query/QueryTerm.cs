using System.Text;
using Bot.Core.Search.Text;

namespace Bot.Core.Search.Query;

/// <summary>One piece of a term: a run of CJK characters (searched as a substring) or a word (searched by prefix).</summary>
public sealed record TermPiece(string Text, bool IsCjk)
{
    public int RuneCount => Text.EnumerateRunes().Count();
}

/// <summary>A term or "quoted phrase" of a query, normalized, with its CJK runs and words.</summary>
public sealed record QueryTerm(string Text, bool Quoted, IReadOnlyList<TermPiece> Pieces)
{
    /// <summary>Splits normalized text into CJK runs and words; spaces and punctuation only separate.</summary>
    public static QueryTerm Create(string normalized, bool quoted)
    {
        var pieces = new List<TermPiece>();
        var current = new StringBuilder();
        bool? currentIsCjk = null;
        foreach (var rune in normalized.EnumerateRunes())
        {
            bool? kind = SearchText.IsCjk(rune) ? true : SearchText.IsWordChar(rune) ? false : null;
            if (kind != currentIsCjk && currentIsCjk is { } done)
            {
                pieces.Add(new TermPiece(current.ToString(), done));
                current.Clear();
            }

            currentIsCjk = kind;
            if (kind is not null)
            {
                current.Append(rune.ToString());
            }
        }

        if (currentIsCjk is { } last)
        {
            pieces.Add(new TermPiece(current.ToString(), last));
        }

        return new QueryTerm(normalized, quoted, pieces);
    }
}
