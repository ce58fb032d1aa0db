using System.Text;
using Bot.Core.Search.Text;

namespace Bot.Core.Search.Query;

/// <summary>What stood between a piece of a term and the piece before it.</summary>
public enum PieceGap
{
    /// <summary>Nothing: written together (2018年), or the first piece.</summary>
    None,

    /// <summary>Only spaces (iPhone 手机).</summary>
    Spaces,

    /// <summary>Punctuation or symbols (20-计划).</summary>
    Other,
}

/// <summary>One piece of a term: a run of CJK characters (searched as a substring) or a word (searched by prefix).</summary>
public sealed record TermPiece(string Text, bool IsCjk, PieceGap Before = PieceGap.None)
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
        var gap = PieceGap.None;
        foreach (var rune in normalized.EnumerateRunes())
        {
            bool? kind = SearchText.IsCjk(rune) ? true : SearchText.IsWordChar(rune) ? false : null;
            if (kind != currentIsCjk && currentIsCjk is { } done)
            {
                pieces.Add(new TermPiece(current.ToString(), done, pieces.Count == 0 ? PieceGap.None : gap));
                current.Clear();
                gap = PieceGap.None;
            }

            if (kind is null)
            {
                gap = Rune.IsWhiteSpace(rune) && gap != PieceGap.Other ? PieceGap.Spaces : PieceGap.Other;
            }
            else
            {
                current.Append(rune.ToString());
            }

            currentIsCjk = kind;
        }

        if (currentIsCjk is { } last)
        {
            pieces.Add(new TermPiece(current.ToString(), last, pieces.Count == 0 ? PieceGap.None : gap));
        }

        return new QueryTerm(normalized, quoted, pieces);
    }
}
