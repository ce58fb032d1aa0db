using Bot.Core.Delivery;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Digests;

/// <summary>What happened to one digest time.</summary>
public enum DigestResult
{
    /// <summary>Not due yet, or not a digest subscription (any more).</summary>
    NotDue,

    /// <summary>A digest was made and queued in the outbox.</summary>
    Queued,

    /// <summary>Due, but nothing matched since the last one: no message.</summary>
    Empty,

    /// <summary>Missed by more than the grace (the host was down): skipped, its articles wait for the next one.</summary>
    Skipped,
}

/// <summary>
/// Turns a due digest time into one outbox delivery. The subscription's persisted next digest time is the
/// truth: a digest is made and the next time stored in one transaction, guarded by that time, so a restart,
/// a second process or a late trigger neither repeats nor skips one. Quartz only wakes this up.
/// </summary>
public sealed class DigestMaker(
    SqliteDatabase database,
    ChatTimeZones zones,
    DeliverySignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DigestMaker> logger)
{
    private TimeSpan Grace => TimeSpan.FromMinutes(options.Value.DigestGraceMinutes);

    /// <summary>Makes the subscription's digest when its time has come (called by its trigger).</summary>
    public async Task<DigestResult> RunDueAsync(long subscriptionId, CancellationToken ct)
    {
        var result = await RunAsync(subscriptionId, ct);
        if (result == DigestResult.Queued)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>Every digest whose time passed while the host was down: made once if within the grace, else skipped. Called at start.</summary>
    public async Task<IReadOnlyDictionary<long, DigestResult>> CatchUpAsync(CancellationToken ct)
    {
        var due = new List<long>();
        await using (var connection = await database.OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id FROM subscriptions
                WHERE delivery_mode <> 'instant' AND digest_next_at IS NOT NULL AND digest_next_at <= $now
                ORDER BY digest_next_at, id
                """;
            command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                due.Add(reader.GetInt64(0));
            }
        }

        var results = new Dictionary<long, DigestResult>();
        foreach (var id in due)
        {
            results[id] = await RunAsync(id, ct);
        }

        if (results.ContainsValue(DigestResult.Queued))
        {
            signal.Notify();
        }

        return results;
    }

    /// <summary>The digest subscriptions with their schedule and zone (one, when <paramref name="subscriptionId"/> is given), for the Quartz triggers.</summary>
    public async Task<IReadOnlyList<DigestTrigger>> TriggersAsync(long? subscriptionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT delivery_mode, digest_minute, digest_weekday, quiet_start, quiet_end, quiet_silent, time_zone, id
            FROM subscriptions
            WHERE delivery_mode <> 'instant' AND digest_next_at IS NOT NULL AND active = 1
              AND ($id IS NULL OR id = $id)
            ORDER BY id
            """;
        command.Parameters.AddWithValue("$id", (object?)subscriptionId ?? DBNull.Value);
        var triggers = new List<DigestTrigger>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var preferences = Subscriptions.SubscriptionRows.ReadPreferences(reader, 0);
            if (preferences.Digest is { } schedule)
            {
                triggers.Add(new DigestTrigger(reader.GetInt64(7), schedule, zones.Resolve(preferences.TimeZone)));
            }
        }

        return triggers;
    }

    private async Task<DigestResult> RunAsync(long subscriptionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var subscription = await ReadAsync(connection, transaction, subscriptionId, ct);
        if (subscription is not { Schedule: { } schedule, NextAt: { } dueAt } || dueAt > now)
        {
            return DigestResult.NotDue;
        }

        var zone = zones.Resolve(subscription.TimeZone);
        var next = schedule.NextAfter(now > dueAt ? now : dueAt, zone);
        await ExecuteAsync(connection, transaction, "UPDATE subscriptions SET digest_next_at = $next WHERE id = $id", ct, ("$id", subscriptionId), ("$next", next.ToUnixTimeMilliseconds()));
        DigestResult result;
        if (now - dueAt > Grace)
        {
            logger.LogWarning("Digest of subscription {SubscriptionId} due at {DueAt} missed by more than the grace; its articles go in the next one at {Next}", subscriptionId, dueAt, next);
            result = DigestResult.Skipped;
        }
        else
        {
            result = await QueueAsync(connection, transaction, subscriptionId, dueAt, now, ct);
        }

        await transaction.CommitAsync(ct);
        if (result == DigestResult.Queued)
        {
            logger.LogInformation("Digest of subscription {SubscriptionId} due at {DueAt} queued; next at {Next}", subscriptionId, dueAt, next);
        }

        return result;
    }

    private static async Task<DigestResult> QueueAsync(SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        long digestId;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO digests (subscription_id, due_at, created_at) VALUES ($id, $due, $now)
                ON CONFLICT (subscription_id, due_at) DO NOTHING
                RETURNING id
                """;
            insert.Parameters.AddWithValue("$id", subscriptionId);
            insert.Parameters.AddWithValue("$due", dueAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            if (await insert.ExecuteScalarAsync(ct) is not long id)
            {
                // This digest time was made already (a second process, or a clock moved back): never twice.
                return DigestResult.NotDue;
            }

            digestId = id;
        }

        // The digest takes every waiting item at once; the outbox row names its first article only because
        // article_id cannot be empty (see M060), and the worker renders the digest from its items.
        var taken = await ExecuteAsync(
            connection,
            transaction,
            $"""
            UPDATE digest_items SET digest_id = $digest
            WHERE subscription_id = $id AND digest_id IS NULL
              AND article_id IN (SELECT id FROM articles WHERE state = '{ArticleStates.Published}');
            """,
            ct,
            ("$id", subscriptionId),
            ("$digest", digestId));
        if (taken == 0)
        {
            return DigestResult.Empty;
        }

        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO deliveries (article_id, subscription_id, state, next_attempt_at, created_at, digest_id)
            SELECT min(article_id), $id, 'pending', $now, $now, $digest FROM digest_items WHERE digest_id = $digest
            """,
            ct,
            ("$id", subscriptionId),
            ("$digest", digestId),
            ("$now", now.ToUnixTimeMilliseconds()));
        return DigestResult.Queued;
    }

    private static async Task<DueSubscription?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT delivery_mode, digest_minute, digest_weekday, quiet_start, quiet_end, quiet_silent, time_zone, digest_next_at
            FROM subscriptions WHERE id = $id AND active = 1
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var preferences = Subscriptions.SubscriptionRows.ReadPreferences(reader, 0);
        return new DueSubscription(preferences.Digest, preferences.TimeZone, reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record DueSubscription(DigestSchedule? Schedule, string? TimeZone, DateTimeOffset? NextAt);
}
