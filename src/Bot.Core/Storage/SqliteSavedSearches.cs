using System.Globalization;

namespace Bot.Core.Storage;

/// <summary>
/// Search paging buttons carry a short id instead of the query (Telegram allows 64 bytes of callback
/// data): this is where the id stands for its query. A query unused for <see cref="Lifetime"/> is
/// forgotten, and its old buttons answer that they have expired.
/// </summary>
public sealed class SqliteSavedSearches(SqliteDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The table is swept at most this often, as part of a save.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    private long _nextSweep;

    /// <summary>A short number standing for <paramref name="query"/>; the same query keeps its number and is kept alive.</summary>
    public async Task<long> SaveAsync(string query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO saved_searches (query, created_at) VALUES ($query, $now)
            ON CONFLICT (query) DO UPDATE SET created_at = excluded.created_at
            RETURNING id
            """;
        command.Parameters.AddWithValue("$query", query);
        command.Parameters.AddWithValue("$now", now);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

        if (now >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, now + (long)SweepEvery.TotalSeconds);
            await using var sweep = connection.CreateCommand();
            sweep.CommandText = "DELETE FROM saved_searches WHERE created_at < $before";
            sweep.Parameters.AddWithValue("$before", now - (long)Lifetime.TotalSeconds);
            await sweep.ExecuteNonQueryAsync(ct);
        }

        return id;
    }

    /// <summary>The query a button's id stands for, or null when it was never saved or has been forgotten.</summary>
    public async Task<string?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT query FROM saved_searches WHERE id = $id AND created_at >= $since";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$since", clock.GetUtcNow().ToUnixTimeSeconds() - (long)Lifetime.TotalSeconds);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
