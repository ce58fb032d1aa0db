using System.Text;

namespace Bot.Core.Search.Query;

/// <summary>
/// Turns parsed terms into an FTS5 MATCH expression. Every token it emits is inside double quotes and
/// made only of letters, digits or CJK characters, so no user text can become an FTS operator.
/// </summary>
public static class FtsQueryBuilder
{
    private const string Unigrams = "{title_uni body_uni}";
    private const string Bigrams = "{title_bi body_bi}";

    /// <summary>All terms must match (AND).</summary>
    public static string All(IReadOnlyList<QueryTerm> terms) => Join(terms, " AND ");

    /// <summary>Any term matches (OR): used for the -exclusions.</summary>
    public static string Any(IReadOnlyList<QueryTerm> terms) => Join(terms, " OR ");

    public static string Term(QueryTerm term)
    {
        if (term.Pieces is [{ IsCjk: true } run])
        {
            var runes = run.Text.EnumerateRunes().Select(r => r.ToString()).ToList();
            if (runes.Count == 1)
            {
                return $"{Unigrams} : \"{runes[0]}\"";
            }

            // n characters = n−1 overlapping bigrams at consecutive positions: exactly the substring.
            var bigrams = Enumerable.Range(0, runes.Count - 1).Select(i => runes[i] + runes[i + 1]);
            return $"{Bigrams} : \"{string.Join(' ', bigrams)}\"";
        }

        // Words, or words mixed with CJK (20x10计划, "Me Too"): a phrase of unigram tokens.
        var tokens = new StringBuilder();
        foreach (var piece in term.Pieces)
        {
            var parts = piece.IsCjk ? piece.Text.EnumerateRunes().Select(r => r.ToString()) : [piece.Text];
            foreach (var part in parts)
            {
                tokens.Append(tokens.Length == 0 ? string.Empty : " ").Append(part);
            }
        }

        var prefix = !term.Quoted && term.Pieces[^1] is { IsCjk: false } ? " *" : string.Empty;
        return $"{Unigrams} : \"{tokens}\"{prefix}";
    }

    private static string Join(IReadOnlyList<QueryTerm> terms, string separator) =>
        string.Join(separator, terms.Select(t => "(" + Term(t) + ")"));
}
