using System.Globalization;
using System.Text;
using Bot.Core.Search.Query;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search;

/// <summary>
/// The reference the index must agree with: a scan of every article's normalized title and plain text.
/// A CJK term is a plain substring; a word is a prefix of a word, ignoring case and accents; a term
/// mixing both is a run of adjacent tokens (punctuation and spaces between them ignored).
/// </summary>
internal sealed class BruteForce(IReadOnlyList<long> ids, IReadOnlyList<TestArticle> articles)
{
    private readonly List<(long Id, TestArticle Article, string[] Fields, List<string>[] Tokens)> _docs = ids.Zip(articles, (id, a) =>
    {
        string[] fields = [SearchText.Normalize(a.Title), SearchText.Normalize(a.PlainText)];
        return (id, a, fields, fields.Select(Tokens).ToArray());
    }).ToList();

    public IReadOnlyList<(long Id, TestArticle Article, string[] Fields)> Docs => _docs.Select(d => (d.Id, d.Article, d.Fields)).ToList();

    public HashSet<long> Matching(IReadOnlyList<string> include, IReadOnlyList<string> exclude, Func<TestArticle, bool>? filter = null) =>
        _docs.Where(d => d.Article.State == "published"
                && (filter?.Invoke(d.Article) ?? true)
                && include.All(t => Contains(d.Fields, d.Tokens, t))
                && !exclude.Any(t => Contains(d.Fields, d.Tokens, t)))
            .Select(d => d.Id)
            .ToHashSet();

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (SearchText.IsWordChar(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(Fold(word.ToString()));
                word.Clear();
            }

            if (SearchText.IsCjk(rune))
            {
                tokens.Add(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(Fold(word.ToString()));
        }

        return tokens;
    }

    private static bool Contains(string[] fields, List<string>[] tokens, string rawTerm)
    {
        var term = QueryTerm.Create(SearchText.Normalize(rawTerm), quoted: false);
        if (term.Pieces is [{ IsCjk: true } run])
        {
            return fields.Any(f => f.Contains(run.Text, StringComparison.Ordinal));
        }

        var wanted = Tokens(term.Text);
        return tokens.Any(field => Enumerable.Range(0, Math.Max(0, field.Count - wanted.Count + 1)).Any(start =>
            Enumerable.Range(0, wanted.Count).All(i => i == wanted.Count - 1 && term.Pieces[^1] is { IsCjk: false }
                ? field[start + i].StartsWith(wanted[i], StringComparison.Ordinal)
                : field[start + i] == wanted[i])));
    }

    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().ToLowerInvariant();
    }
}
