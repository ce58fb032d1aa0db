using System.Text;
using Bot.Core.Search.Text;

namespace Bot.Core.Search.Query;

/// <summary>
/// Turns parsed terms into an FTS5 MATCH expression. Every token it emits is inside double quotes and
/// made only of letters, digits or CJK characters, so no user text can become an FTS operator.
/// </summary>
public static class FtsQueryBuilder
{
    private const string Unigrams = "{title_uni body_uni}";

    /// <summary>All terms must match (AND).</summary>
    public static string All(IReadOnlyList<QueryTerm> terms) => Join(terms, " AND ");

    /// <summary>Any term matches (OR): used for the -exclusions.</summary>
    public static string Any(IReadOnlyList<QueryTerm> terms) => Join(terms, " OR ");

    public static string Term(QueryTerm term)
    {
        // CJK tokens need no column filter: a single character is only ever a token of the unigram columns, a
        // pair only of the pair columns (and meta tokens are ASCII). FTS5 would check every hit's columns.
        if (term.Pieces is [{ IsCjk: true } run] && run.RuneCount == 1)
        {
            return $"\"{run.Text}\"";
        }

        // CJK characters and words written together (朝鲜, 2018年底, iPhone 手机): n neighbours are n−1 pair
        // tokens at consecutive positions (see IndexedText), exactly the substring; one token for two neighbours.
        if (PairTokens(term) is { } pairs)
        {
            var prefix = !term.Quoted && term.Pieces[^1] is { IsCjk: false } ? " *" : string.Empty;
            return $"\"{string.Join(' ', pairs)}\"{prefix}";
        }

        // Words, or pieces the pairs cannot join (20x10-计划, "Me Too"): a phrase of unigram tokens.
        var tokens = new StringBuilder();
        foreach (var piece in term.Pieces)
        {
            var parts = piece.IsCjk ? piece.Text.EnumerateRunes().Select(r => r.ToString()) : [piece.Text];
            foreach (var part in parts)
            {
                tokens.Append(tokens.Length == 0 ? string.Empty : " ").Append(part);
            }
        }

        var wordPrefix = !term.Quoted && term.Pieces[^1] is { IsCjk: false } ? " *" : string.Empty;
        return $"{Unigrams} : \"{tokens}\"{wordPrefix}";
    }

    /// <summary>The pair tokens of a term with CJK whose neighbours are all joined as the index joins them, else null.</summary>
    private static List<string>? PairTokens(QueryTerm term)
    {
        if (!term.Pieces.Any(p => p.IsCjk))
        {
            return null;
        }

        var neighbours = new List<string>();
        TermPiece? previous = null;
        foreach (var piece in term.Pieces)
        {
            var joined = previous is null
                || (previous.IsCjk != piece.IsCjk && piece.Before != PieceGap.Other);
            if (!joined || (!piece.IsCjk && piece.Text.Length > IndexedText.MaxPairedWord))
            {
                return null;
            }

            neighbours.AddRange(piece.IsCjk ? piece.Text.EnumerateRunes().Select(r => r.ToString()) : [piece.Text]);
            previous = piece;
        }

        return Enumerable.Range(1, neighbours.Count - 1).Select(i => neighbours[i - 1] + neighbours[i]).ToList();
    }

    private static string Join(IReadOnlyList<QueryTerm> terms, string separator) =>
        string.Join(separator, terms.Select(t => "(" + Term(t) + ")"));
}
