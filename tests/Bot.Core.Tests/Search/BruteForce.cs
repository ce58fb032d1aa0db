using System.Globalization;
using System.Text;
using Bot.Core.Search.Query;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search;

/// <summary>
/// The reference the index must agree with: a scan of every article's normalized title and plain text.
/// A CJK term is a plain substring; a word is a prefix of a word, ignoring case and accents; a term
/// mixing both is found where its characters and words are written together (only spaces may separate a
/// word from a CJK character); with punctuation inside the term, a run of adjacent tokens.
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

        if (IsWrittenTogether(term))
        {
            return fields.Any(f => ContainsNeighbours(Neighbours(f), Neighbours(term.Text)));
        }

        var wanted = Tokens(term.Text);
        return tokens.Any(field => Enumerable.Range(0, Math.Max(0, field.Count - wanted.Count + 1)).Any(start =>
            Enumerable.Range(0, wanted.Count).All(i => i == wanted.Count - 1 && term.Pieces[^1] is { IsCjk: false }
                ? field[start + i].StartsWith(wanted[i], StringComparison.Ordinal)
                : field[start + i] == wanted[i])));
    }

    /// <summary>CJK and words alternate with nothing or only spaces between them: 2018年, iPhone 手机, 第3季.</summary>
    private static bool IsWrittenTogether(QueryTerm term) =>
        term.Pieces.Any(p => p.IsCjk)
        && term.Pieces.Skip(1).Zip(term.Pieces).All(pair => pair.First.IsCjk != pair.Second.IsCjk && pair.First.Before != PieceGap.Other);

    /// <summary>
    /// Such a term matches where its CJK characters and words appear in order, CJK characters written
    /// together, a word and a CJK character together or with only spaces between; every word whole except
    /// the last, which may be the start of a longer word.
    /// </summary>
    private static bool ContainsNeighbours(List<(string Text, bool IsCjk, PieceGap Before)> field, List<(string Text, bool IsCjk, PieceGap Before)> wanted) =>
        Enumerable.Range(0, Math.Max(0, field.Count - wanted.Count + 1)).Any(start => Enumerable.Range(0, wanted.Count).All(i =>
        {
            var (have, want) = (field[start + i], wanted[i]);
            var same = have.IsCjk == want.IsCjk && (i == wanted.Count - 1 && !want.IsCjk
                ? have.Text.StartsWith(want.Text, StringComparison.Ordinal)
                : have.Text == want.Text);
            var together = i == 0 || (have.IsCjk && wanted[i - 1].IsCjk ? have.Before == PieceGap.None : have.Before != PieceGap.Other);
            return same && together;
        }));

    private static List<(string Text, bool IsCjk, PieceGap Before)> Neighbours(string text)
    {
        var neighbours = new List<(string, bool, PieceGap)>();
        var word = new StringBuilder();
        var gap = PieceGap.None;
        foreach (var rune in text.EnumerateRunes().Append(new Rune(' ')))
        {
            if (SearchText.IsWordChar(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            if (word.Length > 0)
            {
                neighbours.Add((Fold(word.ToString()), false, gap));
                (gap, _) = (PieceGap.None, word.Clear());
            }

            if (SearchText.IsCjk(rune))
            {
                neighbours.Add((rune.ToString(), true, gap));
                gap = PieceGap.None;
            }
            else
            {
                gap = Rune.IsWhiteSpace(rune) && gap != PieceGap.Other ? PieceGap.Spaces : PieceGap.Other;
            }
        }

        return neighbours;
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
