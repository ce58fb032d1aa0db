using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Delivery;

/// <summary>What the rate limiter says to a candidate while a lease is being taken.</summary>
public enum LeaseAdmission
{
    Take,
    SkipChat,
    SkipPlatform,
}

/// <summary>
/// The SQLite side of the delivery worker. Leases chats' oldest pending deliveries in one transaction,
/// and records results by group commit: every writer waits until its change is committed, so at most
/// as many sends as are in flight can be lost by a crash (and then sent twice), never more.
/// </summary>
public sealed class DeliveryOutbox(SqliteDatabase database, TimeProvider time, ChatTimeZones? zones = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _queueLock = new();
    private List<QueuedUpdate> _queue = [];

    // One connection, used only under _gate: opening a pooled connection runs the pragmas again, which
    // costs more than the small transactions the worker commits.
    private SqliteConnection? _connection;
    private OutboxSql? _sql;

    /// <summary>
    /// Leases up to <paramref name="max"/> deliveries, each the oldest pending one of its chat (so a later
    /// article never overtakes an earlier one), skipping chats in <paramref name="busy"/> and those
    /// <paramref name="admit"/> turns away.
    /// </summary>
    public async Task<IReadOnlyList<LeasedDelivery>> LeaseAsync(
        string owner, IReadOnlyCollection<Platform> platforms, int max, IReadOnlySet<long> busy, Func<LeaseCandidate, LeaseAdmission> admit, TimeSpan lease, CancellationToken ct)
    {
        if (platforms.Count == 0 || max <= 0)
        {
            return [];
        }

        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var connection = await ConnectionAsync(ct);
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            var leased = new List<LeasedDelivery>();
            var deferred = new List<(long Id, long UntilMs)>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = """
                    SELECT d.id, d.article_id, d.subscription_id, s.platform, s.chat_id, s.chat_kind, s.thread_id,
                           d.next_part, d.part_count, d.message_ids, d.attempts,
                           d.digest_id, s.quiet_start, s.quiet_end, s.quiet_silent, s.time_zone
                    FROM deliveries AS d INDEXED BY ix_deliveries_pending
                    CROSS JOIN subscriptions AS s ON s.id = d.subscription_id
                    WHERE d.state = 'pending'
                      AND d.next_attempt_at <= $now
                      AND (d.lease_until IS NULL OR d.lease_until <= $now)
                      AND NOT EXISTS (
                          SELECT 1 FROM deliveries e
                          WHERE e.subscription_id = d.subscription_id AND e.state = 'pending' AND e.id < d.id)
                    ORDER BY d.id
                    """;
                select.Parameters.AddWithValue("$now", now);
                await using var reader = await select.ExecuteReaderAsync(ct);
                var stopped = new HashSet<Platform>();
                var utcNow = DateTimeOffset.FromUnixTimeMilliseconds(now);
                while (leased.Count < max && stopped.Count < platforms.Count && await reader.ReadAsync(ct))
                {
                    var subscriptionId = reader.GetInt64(2);
                    if (busy.Contains(subscriptionId) || !PlatformNames.TryParse(reader.GetString(3), out var platform)
                        || !platforms.Contains(platform) || stopped.Contains(platform))
                    {
                        continue;
                    }

                    var digestId = reader.IsDBNull(11) ? (long?)null : reader.GetInt64(11);
                    var silent = false;
                    if (digestId is null && !reader.IsDBNull(12) && QuietNow(reader, 12, utcNow) is var (window, zone))
                    {
                        // Inside the chat's quiet hours (digests are not: their time is the reader's choice).
                        // Silent windows send without a notification; the others wait until the window ends,
                        // and the chat's later articles wait behind this one.
                        if (!window.Silent)
                        {
                            deferred.Add((reader.GetInt64(0), window.EndAfter(utcNow, zone).ToUnixTimeMilliseconds()));
                            continue;
                        }

                        silent = true;
                    }

                    var target = new DeliveryTarget(reader.GetString(4), PlatformNames.ParseChatKind(reader.GetString(5)), NullIfEmpty(reader.GetString(6)), silent);
                    switch (admit(new LeaseCandidate(subscriptionId, platform, target)))
                    {
                        case LeaseAdmission.SkipPlatform:
                            stopped.Add(platform);
                            continue;
                        case LeaseAdmission.SkipChat:
                            continue;
                    }

                    leased.Add(new LeasedDelivery(
                        reader.GetInt64(0),
                        reader.GetInt64(1),
                        subscriptionId,
                        platform,
                        target,
                        (int)reader.GetInt64(7),
                        reader.IsDBNull(8) ? null : (int)reader.GetInt64(8),
                        JsonSerializer.Deserialize<string[]>(reader.GetString(9)) ?? [],
                        (int)reader.GetInt64(10),
                        digestId));
                }
            }

            await DeferAsync(connection, transaction, deferred, ct);
            await MarkLeasedAsync(connection, transaction, LeaseTable.Deliveries, [.. leased.Select(l => l.Id)], owner, now + (long)lease.TotalMilliseconds, ct);

            await transaction.CommitAsync(ct);
            return leased;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Leases up to <paramref name="max"/> queued deletions of retracted articles' messages.</summary>
    public async Task<IReadOnlyList<LeasedDeletion>> LeaseDeletionsAsync(
        string owner, IReadOnlyCollection<Platform> platforms, int max, Func<LeaseCandidate, LeaseAdmission> admit, TimeSpan lease, CancellationToken ct)
    {
        if (platforms.Count == 0 || max <= 0)
        {
            return [];
        }

        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var connection = await ConnectionAsync(ct);
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            var leased = new List<LeasedDeletion>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = """
                    SELECT x.id, s.id, s.platform, s.chat_id, s.chat_kind, s.thread_id, x.message_id, x.attempts
                    FROM delivery_deletions x
                    JOIN deliveries d ON d.id = x.delivery_id
                    JOIN subscriptions s ON s.id = d.subscription_id
                    WHERE x.state = 'pending'
                      AND x.next_attempt_at <= $now
                      AND (x.lease_until IS NULL OR x.lease_until <= $now)
                      AND s.platform IN (SELECT value FROM json_each($platforms))
                    ORDER BY x.id
                    """;
                select.Parameters.AddWithValue("$now", now);
                select.Parameters.AddWithValue("$platforms", PlatformsJson(platforms));
                await using var reader = await select.ExecuteReaderAsync(ct);
                var stopped = new HashSet<Platform>();
                while (leased.Count < max && stopped.Count < platforms.Count && await reader.ReadAsync(ct))
                {
                    if (!PlatformNames.TryParse(reader.GetString(2), out var platform) || stopped.Contains(platform))
                    {
                        continue;
                    }

                    var target = new DeliveryTarget(reader.GetString(3), PlatformNames.ParseChatKind(reader.GetString(4)), NullIfEmpty(reader.GetString(5)));
                    switch (admit(new LeaseCandidate(reader.GetInt64(1), platform, target)))
                    {
                        case LeaseAdmission.SkipPlatform:
                            stopped.Add(platform);
                            continue;
                        case LeaseAdmission.SkipChat:
                            continue;
                    }

                    leased.Add(new LeasedDeletion(reader.GetInt64(0), platform, target, reader.GetString(6), (int)reader.GetInt64(7)));
                }
            }

            await MarkLeasedAsync(connection, transaction, LeaseTable.Deletions, [.. leased.Select(l => l.Id)], owner, now + (long)lease.TotalMilliseconds, ct);

            await transaction.CommitAsync(ct);
            return leased;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Records one change and returns once it is committed. Changes queued meanwhile by other senders
    /// go into the same transaction. Never cancelled: a message that reached the platform must be recorded.
    /// </summary>
    public async Task RecordAsync(OutboxUpdate update)
    {
        var queued = new QueuedUpdate(update, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_queueLock)
        {
            _queue.Add(queued);
        }

        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!queued.Done.Task.IsCompleted)
            {
                List<QueuedUpdate> batch;
                lock (_queueLock)
                {
                    batch = _queue;
                    _queue = [];
                }

                try
                {
                    await ApplyAsync(batch);
                    batch.ForEach(b => b.Done.TrySetResult());
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        await queued.Done.Task;
    }

    /// <summary>Frees every lease of <paramref name="owner"/> (graceful shutdown), so a restart sends them at once.</summary>
    public async Task ReleaseAllAsync(string owner, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var connection = await ConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $owner AND state = 'pending';
                UPDATE delivery_deletions SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $owner AND state = 'pending';
                """;
            command.Parameters.AddWithValue("$owner", owner);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Reset();
        _gate.Dispose();
    }

    private async Task ApplyAsync(List<QueuedUpdate> batch)
    {
        var ct = CancellationToken.None;
        var connection = await ConnectionAsync(ct);
        try
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            _sql ??= new OutboxSql(connection);
            _sql.Begin(transaction, time.GetUtcNow().ToUnixTimeMilliseconds());
            foreach (var item in batch)
            {
                await _sql.ApplyAsync(item.Update, ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            Reset();
            throw;
        }
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken ct) => _connection ??= await database.OpenAsync(ct);

    /// <summary>Drops the connection after an error, so the next use starts from a clean one.</summary>
    private void Reset()
    {
        _sql?.Dispose();
        _sql = null;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>The chat's quiet window and zone when <paramref name="now"/> is inside it (columns from <paramref name="first"/> on: start, end, silent, zone).</summary>
    private (QuietWindow Window, TimeZoneInfo Zone)? QuietNow(SqliteDataReader reader, int first, DateTimeOffset now)
    {
        if (reader.IsDBNull(first + 1))
        {
            return null;
        }

        var window = new QuietWindow(
            Subscriptions.SubscriptionRows.Minutes(reader.GetInt64(first)),
            Subscriptions.SubscriptionRows.Minutes(reader.GetInt64(first + 1)),
            reader.GetInt64(first + 2) != 0);
        var zone = zones?.Resolve(reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3)) ?? TimeZoneInfo.Utc;
        return window.Contains(now, zone) ? (window, zone) : null;
    }

    /// <summary>Moves deliveries held by quiet hours to the window's end, so the lease query stops looking at them until then.</summary>
    private static async Task DeferAsync(SqliteConnection connection, SqliteTransaction transaction, List<(long Id, long UntilMs)> deferred, CancellationToken ct)
    {
        if (deferred.Count == 0)
        {
            return;
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE deliveries SET next_attempt_at = $until WHERE id = $id AND state = 'pending'";
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var until = update.Parameters.Add("$until", SqliteType.Integer);
        foreach (var (deliveryId, untilMs) in deferred)
        {
            id.Value = deliveryId;
            until.Value = untilMs;
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    private static string PlatformsJson(IEnumerable<Platform> platforms) => JsonSerializer.Serialize(platforms.Select(p => p.ToKey()));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record QueuedUpdate(OutboxUpdate Update, TaskCompletionSource Done);

    private enum LeaseTable
    {
        Deliveries,
        Deletions,
    }

    /// <summary>Takes the chosen rows for this owner in the caller's lease transaction.</summary>
    private static async Task MarkLeasedAsync(SqliteConnection connection, SqliteTransaction transaction, LeaseTable table, IReadOnlyList<long> ids, string owner, long untilMs, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = table == LeaseTable.Deliveries
            ? """
              UPDATE deliveries SET lease_owner = $owner, lease_until = $until
              WHERE id IN (SELECT value FROM json_each($ids))
              """
            : """
              UPDATE delivery_deletions SET lease_owner = $owner, lease_until = $until
              WHERE id IN (SELECT value FROM json_each($ids))
              """;
        update.Parameters.AddWithValue("$owner", owner);
        update.Parameters.AddWithValue("$until", untilMs);
        update.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        await update.ExecuteNonQueryAsync(ct);
    }
}
