using System.Globalization;
using Bot.Core.Search.Text;

namespace Bot.Core.Search.Query;

/// <summary>
/// Reads what a reader typed: terms (all must match), "quoted phrases", -exclusions and the filters
/// tag:, author:, since:, until:. Nothing here becomes FTS syntax: terms are kept as text and
/// <see cref="FtsQueryBuilder"/> quotes every token it emits.
/// </summary>
public static class QueryParser
{
    public const int MaxQueryLength = 500;
    public const int MaxTerms = 16;
    public const int MaxTermRunes = 64;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM", "yyyy-M", "yyyy/M", "yyyy"];

    public static ParsedQuery Parse(string? query)
    {
        var text = SearchText.Normalize(query).Trim();
        if (text.Length == 0)
        {
            return ParsedQuery.Fail(new SearchProblem(SearchProblemKind.Empty));
        }

        if (text.Length > MaxQueryLength)
        {
            return ParsedQuery.Fail(new SearchProblem(SearchProblemKind.QueryTooLong, MaxQueryLength));
        }

        var include = new List<QueryTerm>();
        var exclude = new List<QueryTerm>();
        var filters = new FilterBuilder();
        foreach (var (raw, negated, quoted) in Split(text))
        {
            if (!quoted && TrySplitFilter(raw, out var key, out var value))
            {
                if (filters.Add(key, value, negated) is { } error)
                {
                    return ParsedQuery.Fail(error);
                }

                continue;
            }

            var term = QueryTerm.Create(raw, quoted);
            if (term.Pieces.Count == 0)
            {
                continue; // Only punctuation or FTS operators like * ( ) ^: nothing to look for.
            }

            if (term.Pieces.Sum(p => p.RuneCount) > MaxTermRunes)
            {
                return ParsedQuery.Fail(new SearchProblem(SearchProblemKind.TermTooLong, MaxTermRunes));
            }

            (negated ? exclude : include).Add(term);
        }

        if (include.Count + exclude.Count > MaxTerms)
        {
            return ParsedQuery.Fail(new SearchProblem(SearchProblemKind.TooManyTerms, MaxTerms));
        }

        var parsed = new ParsedQuery(include, exclude, filters.Build());
        if (include.Count == 0 && !parsed.Filters.Any)
        {
            return exclude.Count == 0
                ? ParsedQuery.Fail(new SearchProblem(SearchProblemKind.NothingToMatch))
                : ParsedQuery.Fail(new SearchProblem(SearchProblemKind.OnlyExclusions));
        }

        return parsed;
    }

    private static IEnumerable<(string Text, bool Negated, bool Quoted)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated)
            {
                i++;
            }

            if (IsQuote(text[i]))
            {
                var close = text.AsSpan(i + 1).IndexOfAny("\"“”");
                var end = close < 0 ? text.Length : i + 1 + close;
                yield return (text[(i + 1)..end], negated, true);
                i = Math.Min(text.Length, end + 1);
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                // A filter's value may be quoted: tag:"two words".
                if (IsQuote(text[i]) && i > start && text[i - 1] == ':')
                {
                    var close = text.AsSpan(i + 1).IndexOfAny("\"“”");
                    i = close < 0 ? text.Length : i + 2 + close;
                    break;
                }

                i++;
            }

            yield return (text[start..i], negated, false);
        }
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”';

    private static bool TrySplitFilter(string raw, out string key, out string value)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        key = colon > 0 ? raw[..colon].ToLowerInvariant() : string.Empty;
        value = colon > 0 ? raw[(colon + 1)..].Trim('"', '“', '”', ' ') : string.Empty;
        return key is "tag" or "author" or "since" or "until";
    }

    private sealed class FilterBuilder
    {
        private readonly List<string> _tags = [];
        private readonly List<string> _excludedTags = [];
        private readonly List<string> _authors = [];
        private readonly List<string> _excludedAuthors = [];
        private long? _since;
        private long? _until;

        public SearchProblem? Add(string key, string value, bool negated)
        {
            if (value.Length == 0)
            {
                return new SearchProblem(SearchProblemKind.FilterNeedsValue, Filter: key);
            }

            switch (key)
            {
                case "tag":
                    (negated ? _excludedTags : _tags).Add(TagKey(value));
                    return null;
                case "author":
                    (negated ? _excludedAuthors : _authors).Add(value.ToLowerInvariant());
                    return null;
            }

            if (negated)
            {
                return new SearchProblem(SearchProblemKind.FilterCannotBeExcluded, Filter: key);
            }

            if (!TryParseDate(value, out var start, out var next))
            {
                return new SearchProblem(SearchProblemKind.NotADate, Filter: key, Value: value);
            }

            if (key == "since")
            {
                _since = start.ToUnixTimeSeconds();
            }
            else
            {
                _until = next.ToUnixTimeSeconds();
            }

            return null;
        }

        public SearchFilters Build() => new(_tags, _excludedTags, _authors, _excludedAuthors, _since, _until);

        private static bool TryParseDate(string value, out DateTimeOffset start, out DateTimeOffset next)
        {
            foreach (var format in DateFormats)
            {
                if (DateTimeOffset.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
                {
                    next = format.Contains('d', StringComparison.Ordinal) ? start.AddDays(1)
                        : format.Contains('M', StringComparison.Ordinal) ? start.AddMonths(1)
                        : start.AddYears(1);
                    return true;
                }
            }

            start = next = default;
            return false;
        }
    }

    /// <summary>How tags are matched: the same case folding the article store writes to article_tags.value_key.</summary>
    public static string TagKey(string tag) => Storage.Articles.ArticleWriter.TagKey(tag);
}
