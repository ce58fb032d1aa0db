using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search;

/// <summary>A query in two forms: the text a reader types and what the brute-force scan checks.</summary>
internal sealed record CorpusQuery(string Text, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, Func<TestArticle, bool>? Filter = null)
{
    public override string ToString() => Text;
}

/// <summary>Queries drawn from the corpus itself with a fixed seed, so they hit real words, rare and common.</summary>
internal sealed class CorpusQueries(BruteForce reference)
{
    private const int PerClass = 40;
    private readonly Random _random = new(20261122);
    private readonly IReadOnlyList<(long Id, TestArticle Article, string[] Fields)> _docs = reference.Docs;

    public IEnumerable<CorpusQuery> For(string kind) => kind switch
    {
        "cjk1" or "cjk2" or "cjk3" or "cjk4" => Repeat(() => Single(CjkSubstring(kind[3] - '0'))),
        "across-break" => Repeat(() => Single(AcrossBreak(1))),
        "across-break3" => Repeat(() => Single(AcrossBreak(2))),
        "absent-pair" => Repeat(() => Single(CjkSubstring(1) + CjkSubstring(1))),
        "latin" => Repeat(() => Single(LatinPrefix())),
        "mixed" => Repeat(() => Single(Mixed())),
        "mixed-spaced" => Repeat(() =>
        {
            // A word, spaces, then CJK characters (pangu spacing: 2018 年底), typed as one quoted term.
            var term = Pick(SpacedWordThenCjk);
            return new CorpusQuery($"\"{term}\"", [term], []);
        }),
        "cjk-then-prefix" => Repeat(() =>
        {
            // A CJK character and the start of the word written after it (年iPh… for 年iPhone).
            var found = Pick(CjkThenWord);
            return Single(found[.._random.Next(3, found.Length + 1)]);
        }),
        "and" => Repeat(() => Two(CjkSubstring(2), CjkSubstring(_random.Next(1, 4)))),
        "exclude" => Repeat(() =>
        {
            var (a, b) = (CjkSubstring(1), CjkSubstring(2));
            return new CorpusQuery($"{a} -{b}", [a], [b]);
        }),
        "tag" => Repeat(() =>
        {
            var (term, tag) = (CjkSubstring(1), RandomDoc().Article.Tags is [var first, ..] ? first : "none");
            return new CorpusQuery($"{term} tag:{tag}", [term], [], a => a.Tags?.Any(t => SameTag(t, tag)) == true);
        }),
        "tag-excluded" => Repeat(() =>
        {
            var (term, tag) = (CjkSubstring(1), RandomDoc().Article.Tags is [var first, ..] ? first : "none");
            return new CorpusQuery($"{term} -tag:\"{tag}\"", [term], [], a => a.Tags?.Any(t => SameTag(t, tag)) != true);
        }),
        "open-dates" => Repeat(() =>
        {
            var (term, day) = (CjkSubstring(1), new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(_random.Next(0, 2000)));
            return _random.Next(2) == 0
                ? new CorpusQuery($"{term} since:{day:yyyy-MM-dd}", [term], [], a => a.Published is { } p && p >= day)
                : new CorpusQuery($"{term} until:{day:yyyy-MM-dd}", [term], [], a => a.Published is { } p && p < day.AddDays(1));
        }),
        "dates" => Repeat(() =>
        {
            var (term, since) = (CjkSubstring(1), new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(_random.Next(0, 1500)));
            var until = since.AddDays(_random.Next(0, 400));
            return new CorpusQuery($"{term} since:{since:yyyy-MM-dd} until:{until:yyyy-MM-dd}", [term], [],
                a => a.Published is { } p && p >= since && p < until.AddDays(1));
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static readonly Regex SpacedWordThenCjk = new(@"(?<![\p{L}\p{N}])[A-Za-z0-9]+ +\p{IsCJKUnifiedIdeographs}{2}", RegexOptions.CultureInvariant);
    private static readonly Regex CjkThenWord = new(@"\p{IsCJKUnifiedIdeographs}[A-Za-z]{3,}", RegexOptions.CultureInvariant);
    private readonly Dictionary<Regex, List<string>> _found = [];

    private static CorpusQuery Single(string term) => new(term, [term], []);

    /// <summary>Tags match ignoring case and Traditional or Simplified characters.</summary>
    private static bool SameTag(string a, string b) => ChineseFolding.Fold(a).Equals(ChineseFolding.Fold(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A random place in the corpus where the pattern occurs.</summary>
    private string Pick(Regex pattern)
    {
        if (!_found.TryGetValue(pattern, out var found))
        {
            found = _docs.SelectMany(d => d.Fields).SelectMany(f => pattern.Matches(f).Select(m => m.Value)).ToList();
            Assert.True(found.Count > 0, $"the corpus has no text like {pattern}");
            _found[pattern] = found;
        }

        return found[_random.Next(found.Count)];
    }

    private static CorpusQuery Two(string a, string b) => new($"{a} {b}", [a, b], []);

    private static IEnumerable<CorpusQuery> Repeat(Func<CorpusQuery> next) => Enumerable.Range(0, PerClass).Select(_ => next());

    private (long Id, TestArticle Article, string[] Fields) RandomDoc() => _docs[_random.Next(_docs.Count)];

    private string Body() => RandomDoc().Fields[_random.Next(2)];

    private string CjkSubstring(int length)
    {
        while (true)
        {
            var runs = Runs(Body()).Where(r => r.Count >= length).ToList();
            if (runs.Count > 0)
            {
                var run = runs[_random.Next(runs.Count)];
                return string.Concat(run.Skip(_random.Next(run.Count - length + 1)).Take(length));
            }
        }
    }

    // The last character of one CJK run and the first of the next: in the text only with something between.
    private string AcrossBreak(int fromNext)
    {
        while (true)
        {
            var runs = Runs(Body()).ToList();
            var starts = Enumerable.Range(0, Math.Max(0, runs.Count - 1)).Where(i => runs[i + 1].Count >= fromNext).ToList();
            if (starts.Count > 0)
            {
                var i = starts[_random.Next(starts.Count)];
                return runs[i][^1] + string.Concat(runs[i + 1].Take(fromNext));
            }
        }
    }

    private string LatinPrefix()
    {
        while (true)
        {
            var words = BruteForce.Tokens(Body()).Where(t => t.Length >= 3 && t.All(char.IsAsciiLetterOrDigit)).ToList();
            if (words.Count > 0)
            {
                var word = words[_random.Next(words.Count)];
                return word[.._random.Next(2, word.Length + 1)];
            }
        }
    }

    // A word written directly before CJK characters, such as 2018年 or iPhone手机.
    private string Mixed()
    {
        while (true)
        {
            var text = Body();
            var candidates = new List<string>();
            var runes = text.EnumerateRunes().ToList();
            for (var i = 1; i + 1 < runes.Count; i++)
            {
                if (SearchText.IsWordChar(runes[i - 1]) && SearchText.IsCjk(runes[i]))
                {
                    var start = i - 1;
                    while (start > 0 && SearchText.IsWordChar(runes[start - 1]))
                    {
                        start--;
                    }

                    var builder = new StringBuilder();
                    runes[start..Math.Min(runes.Count, i + 2)].ForEach(r => builder.Append(r.ToString()));
                    candidates.Add(builder.ToString());
                }
            }

            if (candidates.Count > 0)
            {
                return candidates[_random.Next(candidates.Count)];
            }
        }
    }

    private static IEnumerable<List<string>> Runs(string text)
    {
        var run = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (SearchText.IsCjk(rune))
            {
                run.Add(rune.ToString());
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
