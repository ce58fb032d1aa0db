using System.Globalization;
using Bot.Core.Search.Query;
using Bot.Core.Search.Snippets;
using Bot.Core.Search.Text;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Search.Sqlite;

/// <summary>Searches published articles through article_fts; see <see cref="QueryParser"/> for the query language.</summary>
public sealed class SqliteSearchService(SqliteDatabase database, IOptions<SearchOptions> options, ILogger<SqliteSearchService> logger) : ISearchService
{
    public const int MaxLimit = 50;
    public const int MaxOffset = 10_000;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var query = QueryParser.Parse(request.Query);
        if (query.Problem is { } problem)
        {
            return new SearchResult(0, [], problem);
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

        // The exact total and the ranked page each walk the hits' doclists, independently: on a second
        // connection the count runs beside the ranking (Microsoft.Data.Sqlite's async calls are synchronous,
        // hence Task.Run), and a search costs the longer of the two instead of their sum.
        var counting = Task.Run(() => CountAsync(sql, ct), ct);
        var hits = new List<SearchHit>(limit);
        try
        {
            foreach (var (id, score) in await RankAsync(connection, sql, limit, offset, ct))
            {
                if (await HitAsync(connection, id, score, query.Include, ct) is { } hit)
                {
                    hits.Add(hit);
                }
            }
        }
        catch
        {
            // The count's own failure, if any, is not the one to report; it must not go unobserved either.
            await ((Task)counting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var total = await counting;
        logger.LogDebug("Search for {Query} found {Total} articles", request.Query, total);
        return new SearchResult(total, hits);
    }

    /// <summary>
    /// One window (all hits, or a block of RankWindow hits by recency) at a time, so that every page of a block
    /// is cut from the same ranking and paging through all hits returns each exactly once.
    /// </summary>
    private async Task<List<(long Id, double Score)>> RankAsync(SqliteConnection connection, SearchSql sql, int limit, int offset, CancellationToken ct)
    {
        var window = options.Value.RankWindow;
        if (sql.FloorSql is null || window <= 0)
        {
            return await RankWindowAsync(connection, sql, limit, offset, long.MinValue, long.MaxValue, ct);
        }

        var ranked = new List<(long, double)>(limit);
        while (ranked.Count < limit)
        {
            var block = offset / window;
            var inner = offset - (block * window);
            var take = Math.Min(limit - ranked.Count, window - inner);
            var ceiling = long.MaxValue;
            if (block > 0)
            {
                if (await NthNewestAsync(connection, sql, block * window, ct) is not { } newest)
                {
                    break; // past the last hit
                }

                ceiling = newest;
            }

            // Without a hit beyond this block, it is the last one and holds every older hit: fewer than a window.
            var floor = await NthNewestAsync(connection, sql, (block + 1) * window, ct) ?? long.MinValue;
            var page = await RankWindowAsync(connection, sql, take, inner, floor, ceiling, ct);
            ranked.AddRange(page);
            if (page.Count < take)
            {
                break;
            }

            offset += take;
        }

        return ranked;
    }

    /// <summary>
    /// The since:/until: range as meta tokens, keeping only periods that hold a published article: each empty
    /// token still costs FTS5 a lookup (one stray 1970 date made until:2018 forty-six empty years, 6 ms). The
    /// periods are found by skipping through the date index, one seek per period kept.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DateTokensAsync(SqliteConnection connection, SearchFilters filters, CancellationToken ct)
    {
        static DateTime Day(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.Date;
        static long Seconds(DateTime day) => new DateTimeOffset(day, TimeSpan.Zero).ToUnixTimeSeconds();
        var from = Day(filters.SinceUtc ?? DateTimeOffset.MinValue.ToUnixTimeSeconds());
        var until = filters.UntilUtc is { } before ? Day(before) : DateTime.MaxValue.Date;

        await using var next = connection.CreateCommand();
        next.CommandText = $"""
            SELECT min(published_utc) FROM articles INDEXED BY ix_articles_state_published
            WHERE state = '{ArticleStates.Published}' AND published_utc >= $from
            """;
        var parameter = next.Parameters.Add("$from", SqliteType.Integer);
        async Task<DateTime?> FirstDayFromAsync(DateTime day)
        {
            parameter.Value = Seconds(day);
            return await next.ExecuteScalarAsync(ct) is long seconds ? Day(seconds) : null;
        }

        // The range is cut to the archive's first and last days, so an open end needs no tokens for empty years.
        if (await FirstDayFromAsync(from) is not { } first || first >= until)
        {
            return [];
        }

        await using var previous = connection.CreateCommand();
        previous.CommandText = $"""
            SELECT max(published_utc) FROM articles INDEXED BY ix_articles_state_published
            WHERE state = '{ArticleStates.Published}' AND published_utc < $before
            """;
        var beforeParameter = previous.Parameters.Add("$before", SqliteType.Integer);
        async Task<DateTime?> LastDayBeforeAsync(DateTime day)
        {
            beforeParameter.Value = Seconds(day);
            return await previous.ExecuteScalarAsync(ct) is long seconds ? Day(seconds) : null;
        }

        // The range is first cut to its first and last articles, then grows over days without a published article
        // (nothing there can match; drafts and hidden articles are excluded by their own token) to the farthest
        // month or year boundary: since:2019-01-01 on an archive whose newest article is of 2026-11-20 is y2019 …
        // y2026, not y2019 … y2025, eleven months and twenty days. Each token costs FTS5 a doclist to walk beside
        // the terms' (a third of a rare term's search time), and this method a lookup.
        var start = Widen(first, await LastDayBeforeAsync(from), down: true);
        var last = await LastDayBeforeAsync(until) ?? first;
        var end = Widen(last.AddDays(1), until == DateTime.MaxValue.Date ? null : await FirstDayFromAsync(until), down: false);

        var tokens = new List<string>();
        var periods = SearchMeta.DatePeriods(start, end);
        for (var (i, day) = (0, (DateTime?)first); i < periods.Count && day is { } present;)
        {
            while (i < periods.Count && periods[i].End <= present)
            {
                i++;
            }

            if (i < periods.Count)
            {
                tokens.Add(periods[i].Token);
                day = await FirstDayFromAsync(periods[i].End);
                i++;
            }
        }

        return tokens;
    }

    /// <summary>
    /// <paramref name="day"/> moved to the farthest month or year boundary (down: at or before it; up: at or after
    /// it) that leaves no published article between the two: <paramref name="nearest"/> is the nearest day holding
    /// one on that side (the last before <paramref name="day"/>, or the first from it), null when there is none.
    /// </summary>
    private static DateTime Widen(DateTime day, DateTime? nearest, bool down)
    {
        var month = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var year = new DateTime(day.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (!down)
        {
            month = month == day ? day : month.AddMonths(1);
            year = year == day ? day : year.AddYears(1);
        }

        // Down, a boundary is free when the nearest article lies before it; up, when it lies at or after it.
        bool Free(DateTime boundary) => nearest is not { } d || (down ? d < boundary : d >= boundary);
        return Free(year) ? year : Free(month) ? month : day;
    }

    private static async Task<long?> NthNewestAsync(SqliteConnection connection, SearchSql sql, int nth, CancellationToken ct)
    {
        await using var command = Command(connection, sql.FloorSql!, sql);
        command.Parameters.AddWithValue("$nth", nth);
        return await command.ExecuteScalarAsync(ct) is long rowid ? rowid : null;
    }

    private static async Task<List<(long Id, double Score)>> RankWindowAsync(SqliteConnection connection, SearchSql sql, int limit, int offset, long floor, long ceiling, CancellationToken ct)
    {
        if (sql.TopSql is null)
        {
            return await ReadRankedAsync(connection, sql, sql.PageSql, limit, offset, floor, ceiling, ct);
        }

        // The best hits by score, a few more than the page: when the last of them scores worse than the page's
        // last hit, no hit left out can tie with one on the page, and sorting these by date as well is exact.
        // Equal scores are rare (the same text twice); a tie run longer than the margin takes the SQL way.
        const int Margin = 16;
        var top = await ReadRankedAsync(connection, sql, sql.TopSql, offset + limit + Margin, 0, floor, ceiling, ct);
        var end = Math.Min(offset + limit, top.Count);
        if (end <= offset)
        {
            return [];
        }

        if (top.Count == offset + limit + Margin && top[^1].Score == top[end - 1].Score)
        {
            return await ReadRankedAsync(connection, sql, sql.PageSql, limit, offset, floor, ceiling, ct);
        }

        var published = await PublishedAsync(connection, top.Select(t => t.Id), ct);
        return top
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => published.GetValueOrDefault(t.Id, long.MinValue))
            .ThenByDescending(t => t.Id)
            .Skip(offset)
            .Take(limit)
            .ToList();
    }

    private static async Task<List<(long Id, double Score)>> ReadRankedAsync(SqliteConnection connection, SearchSql sql, string text, int limit, int offset, long floor, long ceiling, CancellationToken ct)
    {
        await using var command = Command(connection, text, sql);
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

    /// <summary>Publication times (unix seconds; undated articles are missing) of a few articles.</summary>
    private static async Task<Dictionary<long, long>> PublishedAsync(SqliteConnection connection, IEnumerable<long> ids, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, published_utc FROM articles INDEXED BY ix_articles_search
            WHERE id IN (SELECT value FROM json_each($ids)) AND published_utc IS NOT NULL
            """;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        var published = new Dictionary<long, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            published[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return published;
    }

    private async Task<int> CountAsync(SearchSql sql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, sql.CountSql, sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<SearchHit?> HitAsync(SqliteConnection connection, long id, double score, IReadOnlyList<QueryTerm> terms, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        // The state is checked again: the index marks hidden articles in the same transaction, this is a second lock.
        command.CommandText = $"SELECT title, plain_text, published_utc FROM articles WHERE id = $id AND state = '{ArticleStates.Published}'";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var (snippet, highlights) = SnippetBuilder.Build(reader.GetString(1), terms, reader.GetString(0));
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
