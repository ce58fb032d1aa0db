using System.Globalization;
using Bot.Core.Search.Query;
using Bot.Core.Search.Snippets;
using Bot.Core.Search.Text;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Search;

/// <summary>Searches published articles through article_fts; see <see cref="QueryParser"/> for the query language.</summary>
public sealed class SqliteSearchService(SqliteDatabase database, IOptions<SearchOptions> options, ILogger<SqliteSearchService> logger) : ISearchService
{
    public const int MaxLimit = 50;
    public const int MaxOffset = 10_000;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var query = QueryParser.Parse(request.Query);
        if (query.Error is { } error)
        {
            return new SearchResult(0, [], error, query.Message);
        }

        await using var connection = await database.OpenAsync(ct);
        IReadOnlyList<string>? dates = null;
        if (query.Include.Count > 0 && (query.Filters.SinceUtc is not null || query.Filters.UntilUtc is not null))
        {
            dates = await DateTokensAsync(connection, query.Filters, ct);
            if (dates.Count == 0)
            {
                return new SearchResult(0, []);
            }
        }

        var sql = SearchSql.For(query, dates);
        var (limit, offset) = (Math.Clamp(request.Limit, 1, MaxLimit), Math.Clamp(request.Offset, 0, MaxOffset));
        var total = await CountAsync(connection, sql, ct);
        var ranked = await RankAsync(connection, sql, limit, offset, total, ct);

        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (id, score) in ranked)
        {
            if (await HitAsync(connection, id, score, query.Include, ct) is { } hit)
            {
                hits.Add(hit);
            }
        }

        logger.LogDebug("Search for {Query} found {Total} articles", request.Query, total);
        return new SearchResult(total, hits);
    }

    /// <summary>
    /// One window (all hits, or a block of RankWindow hits by recency) at a time, so that every page of a block
    /// is cut from the same ranking and paging through all hits returns each exactly once.
    /// </summary>
    private async Task<List<(long Id, double Score)>> RankAsync(SqliteConnection connection, SearchSql sql, int limit, int offset, int total, CancellationToken ct)
    {
        var window = options.Value.RankWindow;
        if (sql.FloorSql is null || window <= 0 || total <= window)
        {
            return await RankWindowAsync(connection, sql, limit, offset, long.MinValue, long.MaxValue, ct);
        }

        var ranked = new List<(long, double)>(limit);
        while (ranked.Count < limit && offset < total)
        {
            var block = offset / window;
            var inner = offset - (block * window);
            var take = Math.Min(limit - ranked.Count, window - inner);
            var ceiling = block == 0 ? long.MaxValue : await NthNewestAsync(connection, sql, block * window, ct);
            var floor = await NthNewestAsync(connection, sql, (block + 1) * window, ct);
            ranked.AddRange(await RankWindowAsync(connection, sql, take, inner, floor, ceiling, ct));
            offset += take;
        }

        return ranked;
    }

    /// <summary>The since:/until: range as meta tokens, cut to the days that hold published articles (an open end stays short).</summary>
    private static async Task<IReadOnlyList<string>> DateTokensAsync(SqliteConnection connection, SearchFilters filters, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT min(published_utc) FROM articles INDEXED BY ix_articles_state_published WHERE state = 'published'),
                   (SELECT max(published_utc) FROM articles INDEXED BY ix_articles_state_published WHERE state = 'published')
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0))
        {
            return [];
        }

        static DateTime Day(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.Date;
        var from = Day(Math.Max(filters.SinceUtc ?? long.MinValue, reader.GetInt64(0)));
        var until = Day(reader.GetInt64(1)).AddDays(1);
        if (filters.UntilUtc is { } before && Day(before) < until)
        {
            until = Day(before);
        }

        return SearchMeta.DateTokens(from, until);
    }

    private static async Task<long> NthNewestAsync(SqliteConnection connection, SearchSql sql, int nth, CancellationToken ct)
    {
        await using var command = Command(connection, sql.FloorSql!, sql);
        command.Parameters.AddWithValue("$nth", nth);
        return await command.ExecuteScalarAsync(ct) is long rowid ? rowid : long.MinValue;
    }

    private static async Task<List<(long Id, double Score)>> RankWindowAsync(SqliteConnection connection, SearchSql sql, int limit, int offset, long floor, long ceiling, CancellationToken ct)
    {
        await using var command = Command(connection, sql.PageSql, sql);
        command.Parameters.AddWithValue("$floor", floor);
        command.Parameters.AddWithValue("$ceiling", ceiling);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var ranked = new List<(long, double)>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // bm25 is negative, lower is better; readers expect a higher score to be better.
            ranked.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        }

        return ranked;
    }

    private static async Task<int> CountAsync(SqliteConnection connection, SearchSql sql, CancellationToken ct)
    {
        await using var command = Command(connection, sql.CountSql, sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<SearchHit?> HitAsync(SqliteConnection connection, long id, double score, IReadOnlyList<QueryTerm> terms, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT title, plain_text, published_utc FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var (snippet, highlights) = SnippetBuilder.Build(reader.GetString(1), terms);
        DateTimeOffset? published = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2));
        return new SearchHit(id, reader.GetString(0), snippet, highlights, score, published);
    }

    private static SqliteCommand Command(SqliteConnection connection, string text, SearchSql sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var parameter in sql.Parameters)
        {
            command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        return command;
    }
}
