using System.Globalization;
using System.Text;
using Bot.Core.Search.Query;
using Bot.Core.Search.Text;
using Bot.Core.Storage.Articles;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Search.Sqlite;

/// <summary>The SQL of one search: a ranked page and a count, sharing the same filters and parameters.</summary>
/// <param name="FloorSql">
/// The rowid of the hit that is $nth newest (0-based), when terms are ranked: bm25 costs microseconds per hit, so
/// a term found in tens of thousands of articles is ranked in blocks of its newest hits (SearchOptions.RankWindow).
/// </param>
/// <param name="TopSql">
/// The best $limit hits by score alone, when terms are ranked, so that the tie-break by publication date is looked
/// up for those few hits and not for every hit of the window (PageSql does the same in SQL, ties and all).
/// </param>
internal sealed record SearchSql(string PageSql, string CountSql, IReadOnlyList<SqliteParameter> Parameters, string? FloorSql, string? TopSql = null)
{
    // bm25 weights per column (title_uni, title_bi, body_uni, body_bi, meta): a match in the title counts ten times.
    private const string Rank = "bm25(article_fts, 10.0, 10.0, 1.0, 1.0, 0.0)";

    /// <param name="dateTokens">The meta tokens of the since:/until: range (SearchMeta.DateTokens), or null without one.</param>
    public static SearchSql For(ParsedQuery query, IReadOnlyList<string>? dateTokens)
    {
        var parameters = new List<SqliteParameter>();
        if (query.Include.Count > 0)
        {
            var match = Match(query, dateTokens);
            parameters.Add(new SqliteParameter("$match", match));

            // Tags, dates and hidden articles are meta tokens inside the MATCH: a lookup per hit (a join, or even
            // a NOT IN list of the few hidden ids) doubled the cost of a common term. Only author: (a substring of a
            // field) needs the article, through the covering index so its row and overflow pages are never read.
            var authors = AuthorSql(query.Filters, parameters);
            var from = authors.Length == 0
                ? """
                  FROM article_fts
                  WHERE article_fts MATCH $match
                  """
                : $"""
                  FROM article_fts
                  JOIN articles AS a INDEXED BY ix_articles_search ON a.id = article_fts.rowid
                  WHERE article_fts MATCH $match AND a.state = '{ArticleStates.Published}'{authors}
                  """;

            // bm25 first scans the whole doclist of every phrase in the MATCH to weigh it, filters and
            // exclusions too (50 year tokens for until:2018 cost 10 ms). So the page is ranked on the terms alone,
            // among the hits of the full MATCH inside the window, which are at most RankWindow rowids. The unary +
            // keeps SQLite from looking each of those up in FTS5 (a MATCH per rowid: a second per query).
            var narrowed = query.Exclude.Count > 0 || query.Filters.Tags.Count > 0 || query.Filters.ExcludedTags.Count > 0 || dateTokens is not null;
            var ranked = from;
            if (narrowed && authors.Length == 0)
            {
                ranked = """
                    FROM article_fts
                    WHERE article_fts MATCH $rank
                    AND +article_fts.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH $match AND rowid > $floor AND rowid <= $ceiling)
                    """;
                parameters.Add(new SqliteParameter("$rank", $"({FtsQueryBuilder.All(query.Include)}) NOT {Meta(SearchMeta.Hidden)}"));
            }

            var scored = $"""
                SELECT article_fts.rowid, {Rank} AS score
                {ranked}
                AND article_fts.rowid > $floor AND article_fts.rowid <= $ceiling
                """;
            return new SearchSql(
                $"""
                {scored}
                ORDER BY score, (SELECT published_utc FROM articles INDEXED BY ix_articles_search WHERE id = article_fts.rowid) DESC, article_fts.rowid DESC
                LIMIT $limit OFFSET $offset
                """,
                $"SELECT count(*) {from}",
                parameters,
                $"""
                SELECT article_fts.rowid {from}
                ORDER BY article_fts.rowid DESC
                LIMIT 1 OFFSET $nth
                """,
                $"""
                {scored}
                ORDER BY score, article_fts.rowid DESC
                LIMIT $limit
                """);
        }

        // Only filters (and maybe exclusions): newest first.
        var filters = FilterSql(query.Filters, parameters);
        var excluded = string.Empty;
        if (query.Exclude.Count > 0)
        {
            parameters.Add(new SqliteParameter("$exclude", FtsQueryBuilder.Any(query.Exclude)));
            excluded = "\nAND a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH $exclude)";
        }

        const string filtered = $"FROM articles AS a INDEXED BY ix_articles_state_published WHERE a.state = '{ArticleStates.Published}'";
        return new SearchSql(
            $"""
            SELECT a.id, 0.0 AS score
            {filtered}{filters}{excluded}
            ORDER BY a.published_utc DESC, a.id DESC
            LIMIT $limit OFFSET $offset
            """,
            $"SELECT count(*) {filtered}{filters}{excluded}",
            parameters,
            null);
    }

    /// <summary>Terms, tags, the date range and visibility, all in FTS5: each token quoted, so nothing typed becomes syntax.</summary>
    private static string Match(ParsedQuery query, IReadOnlyList<string>? dateTokens)
    {
        var match = new StringBuilder(FtsQueryBuilder.All(query.Include));
        foreach (var tag in query.Filters.Tags)
        {
            match.Append(CultureInfo.InvariantCulture, $" AND {Meta(SearchMeta.TagToken(tag))}");
        }

        if (dateTokens is not null)
        {
            match.Append(CultureInfo.InvariantCulture, $" AND ({string.Join(" OR ", dateTokens.Select(Meta))})");
        }

        var excluded = query.Exclude.Select(t => "(" + FtsQueryBuilder.Term(t) + ")")
            .Concat(query.Filters.ExcludedTags.Select(t => Meta(SearchMeta.TagToken(t))))
            .Append(Meta(SearchMeta.Hidden))
            .ToList();
        return excluded.Count == 1 ? $"({match}) NOT {excluded[0]}" : $"({match}) NOT ({string.Join(" OR ", excluded)})";
    }

    private static string Meta(string token) => $"{SearchMeta.Column} : \"{token}\"";

    private static string AuthorSql(SearchFilters filters, List<SqliteParameter> parameters)
    {
        var clauses = new Clauses(parameters);
        AddAuthors(clauses, filters);
        return clauses.ToString();
    }

    private static string FilterSql(SearchFilters filters, List<SqliteParameter> parameters)
    {
        var clauses = new Clauses(parameters);
        AddAuthors(clauses, filters);
        // Tags through the index's meta tokens, not article_tags: there a tag is matched as folded for search
        // (a Traditional tag: finds the Simplified tag), and article_tags keeps the tag as written.
        for (var i = 0; i < filters.Tags.Count; i++)
        {
            clauses.Add("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH @p)", $"$tag{i}", Meta(SearchMeta.TagToken(filters.Tags[i])));
        }

        for (var i = 0; i < filters.ExcludedTags.Count; i++)
        {
            clauses.Add("a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH @p)", $"$xtag{i}", Meta(SearchMeta.TagToken(filters.ExcludedTags[i])));
        }

        if (filters.SinceUtc is { } since)
        {
            clauses.Add("a.published_utc >= @p", "$since", since);
        }

        if (filters.UntilUtc is { } until)
        {
            clauses.Add("a.published_utc < @p", "$until", until);
        }

        return clauses.ToString();
    }

    private static void AddAuthors(Clauses clauses, SearchFilters filters)
    {
        for (var i = 0; i < filters.Authors.Count; i++)
        {
            clauses.Add("instr(lower(coalesce(a.author, '')), @p) > 0", $"$author{i}", filters.Authors[i]);
        }

        for (var i = 0; i < filters.ExcludedAuthors.Count; i++)
        {
            clauses.Add("instr(lower(coalesce(a.author, '')), @p) = 0", $"$xauthor{i}", filters.ExcludedAuthors[i]);
        }
    }

    /// <summary>"AND …" conditions on articles AS a, each with its own named parameter.</summary>
    private sealed class Clauses(List<SqliteParameter> parameters)
    {
        private readonly List<string> _sql = [];

        public void Add(string clause, string name, object value)
        {
            _sql.Add(clause.Replace("@p", name, StringComparison.Ordinal));
            parameters.Add(new SqliteParameter(name, value));
        }

        public override string ToString() => string.Concat(_sql.Select(clause => "\nAND " + clause));
    }
}
