using Bot.Core.Search.Query;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Search;

/// <summary>The SQL of one search: a ranked page and a count, sharing the same filters and parameters.</summary>
/// <param name="FloorSql">
/// The rowid of the hit that is $nth newest (0-based), when terms are ranked: bm25 costs microseconds per hit, so
/// a term found in tens of thousands of articles is ranked in blocks of its newest hits (SearchOptions.RankWindow).
/// </param>
internal sealed record SearchSql(string PageSql, string CountSql, IReadOnlyList<SqliteParameter> Parameters, string? FloorSql)
{
    // bm25 weights per column (title_uni, title_bi, body_uni, body_bi): a match in the title counts ten times.
    private const string Rank = "bm25(article_fts, 10.0, 10.0, 1.0, 1.0)";

    public static SearchSql For(ParsedQuery query)
    {
        var parameters = new List<SqliteParameter>();
        var filters = FilterSql(query.Filters, parameters);
        if (query.Include.Count > 0)
        {
            var match = FtsQueryBuilder.All(query.Include);
            if (query.Exclude.Count > 0)
            {
                match = $"({match}) NOT ({FtsQueryBuilder.Any(query.Exclude)})";
            }

            parameters.Add(new SqliteParameter("$match", match));

            // Without filters, hidden articles (drafts, retracted: few) are excluded by a hashed list, far
            // cheaper per hit than a join. The states are listed (the CHECK constraint allows only four) so the
            // list comes from a seek in ix_articles_state_published: "state <> 'published'" scanned every
            // article on every query, ≈ 10 ms at 50,000 articles; filters need the article, through the covering index so the
            // article row (and the overflow pages of its text) is never read.
            var from = filters.Length == 0
                ? """
                  FROM article_fts
                  WHERE article_fts MATCH $match
                  AND article_fts.rowid NOT IN (SELECT id FROM articles WHERE state IN ('draft', 'scheduled', 'retracted'))
                  """
                : $"""
                  FROM article_fts
                  JOIN articles AS a INDEXED BY ix_articles_search ON a.id = article_fts.rowid
                  WHERE article_fts MATCH $match AND a.state = 'published'{filters}
                  """;
            return new SearchSql(
                $"""
                SELECT article_fts.rowid, {Rank} AS score
                {from}
                AND article_fts.rowid > $floor AND article_fts.rowid <= $ceiling
                ORDER BY score, (SELECT published_utc FROM articles INDEXED BY ix_articles_search WHERE id = article_fts.rowid) DESC, article_fts.rowid DESC
                LIMIT $limit OFFSET $offset
                """,
                $"SELECT count(*) {from}",
                parameters,
                $"""
                SELECT article_fts.rowid {from}
                ORDER BY article_fts.rowid DESC
                LIMIT 1 OFFSET $nth
                """);
        }

        // Only filters (and maybe exclusions): newest first.
        var excluded = string.Empty;
        if (query.Exclude.Count > 0)
        {
            parameters.Add(new SqliteParameter("$exclude", FtsQueryBuilder.Any(query.Exclude)));
            excluded = "\nAND a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH $exclude)";
        }

        const string filtered = "FROM articles AS a INDEXED BY ix_articles_state_published WHERE a.state = 'published'";
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

    private static string FilterSql(SearchFilters filters, List<SqliteParameter> parameters)
    {
        var sql = new List<string>();
        void Add(string clause, string name, object value)
        {
            sql.Add(clause.Replace("@p", name, StringComparison.Ordinal));
            parameters.Add(new SqliteParameter(name, value));
        }

        for (var i = 0; i < filters.Tags.Count; i++)
        {
            Add("EXISTS (SELECT 1 FROM article_tags AS t WHERE t.article_id = a.id AND t.kind = 'tag' AND t.value_key = @p)", $"$tag{i}", filters.Tags[i]);
        }

        for (var i = 0; i < filters.ExcludedTags.Count; i++)
        {
            Add("NOT EXISTS (SELECT 1 FROM article_tags AS t WHERE t.article_id = a.id AND t.kind = 'tag' AND t.value_key = @p)", $"$xtag{i}", filters.ExcludedTags[i]);
        }

        for (var i = 0; i < filters.Authors.Count; i++)
        {
            Add("instr(lower(coalesce(a.author, '')), @p) > 0", $"$author{i}", filters.Authors[i]);
        }

        for (var i = 0; i < filters.ExcludedAuthors.Count; i++)
        {
            Add("instr(lower(coalesce(a.author, '')), @p) = 0", $"$xauthor{i}", filters.ExcludedAuthors[i]);
        }

        if (filters.SinceUtc is { } since)
        {
            Add("a.published_utc >= @p", "$since", since);
        }

        if (filters.UntilUtc is { } until)
        {
            Add("a.published_utc < @p", "$until", until);
        }

        return string.Concat(sql.Select(clause => "\nAND " + clause));
    }
}
