using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Digests;

/// <summary>Delivery terms stored on the subscription row; the next digest time is computed here and persisted with them.</summary>
public sealed class SqliteDeliveryPreferenceService(
    SqliteDatabase database,
    ChatTimeZones zones,
    DigestTriggerSignal triggers,
    DeliverySignal deliveries,
    TimeProvider time,
    ILogger<SqliteDeliveryPreferenceService> logger) : IDeliveryPreferenceService
{
    public async Task<Subscription?> SetDigestAsync(ChatRef chat, DigestSchedule? schedule, string? language, CancellationToken ct)
    {
        var queued = 0;
        var result = await UpdateAsync(chat, async (connection, transaction, current) =>
        {
            var now = time.GetUtcNow();
            await using var command = Command(connection, transaction, current.Id);
            if (schedule is null)
            {
                command.CommandText = $"""
                    UPDATE subscriptions
                    SET delivery_mode = 'instant', digest_minute = NULL, digest_weekday = NULL, digest_next_at = NULL, modified_at = $now
                    WHERE id = $id;
                    -- What waited for the next digest goes now, one message per article, in publish order.
                    INSERT INTO deliveries (article_id, subscription_id, state, next_attempt_at, created_at)
                    SELECT i.article_id, i.subscription_id, 'pending', $now, $now
                    FROM digest_items i JOIN articles a ON a.id = i.article_id
                    WHERE i.subscription_id = $id AND i.digest_id IS NULL AND a.state = '{ArticleStates.Published}'
                    ORDER BY a.published_at, a.id
                    ON CONFLICT (article_id, subscription_id) DO NOTHING;
                    DELETE FROM digest_items WHERE subscription_id = $id AND digest_id IS NULL;
                    """;
            }
            else
            {
                command.CommandText = """
                    UPDATE subscriptions
                    SET delivery_mode = $mode, digest_minute = $minute, digest_weekday = $weekday, digest_next_at = $next,
                        language = coalesce($language, language), modified_at = $now
                    WHERE id = $id
                    """;
                command.Parameters.AddWithValue("$mode", schedule.Mode.ToKey());
                command.Parameters.AddWithValue("$minute", SubscriptionRows.MinuteOfDay(schedule.At));
                command.Parameters.AddWithValue("$weekday", schedule.Day is { } day ? (int)day : DBNull.Value);
                command.Parameters.AddWithValue("$next", schedule.NextAfter(now, zones.Resolve(current.Preferences.TimeZone)).ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$language", (object?)language ?? DBNull.Value);
            }

            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            queued = await command.ExecuteNonQueryAsync(ct);
        }, ct);

        if (result is not null)
        {
            triggers.Notify(result.Id);
            if (schedule is null && queued > 1)
            {
                deliveries.Notify();
            }

            logger.LogInformation("Subscription {SubscriptionId} delivers {Mode} {Schedule}", result.Id, result.Preferences.Mode, schedule?.Display);
        }

        return result;
    }

    public Task<Subscription?> SetQuietAsync(ChatRef chat, QuietWindow? window, CancellationToken ct) =>
        UpdateAsync(chat, async (connection, transaction, current) =>
        {
            await using var command = Command(connection, transaction, current.Id);
            command.CommandText = """
                UPDATE subscriptions SET quiet_start = $start, quiet_end = $end, quiet_silent = $silent, modified_at = $now WHERE id = $id
                """;
            command.Parameters.AddWithValue("$start", window is null ? DBNull.Value : SubscriptionRows.MinuteOfDay(window.Start));
            command.Parameters.AddWithValue("$end", window is null ? DBNull.Value : SubscriptionRows.MinuteOfDay(window.End));
            command.Parameters.AddWithValue("$silent", window?.Silent == true ? 1 : 0);
            command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<Subscription?> SetTimeZoneAsync(ChatRef chat, string zone, CancellationToken ct)
    {
        var found = ChatTimeZones.TryFind(zone) ?? throw new ArgumentException($"'{zone}' is not a known time zone.", nameof(zone));
        var result = await UpdateAsync(chat, async (connection, transaction, current) =>
        {
            var now = time.GetUtcNow();
            await using var command = Command(connection, transaction, current.Id);
            command.CommandText = """
                UPDATE subscriptions SET time_zone = $zone, digest_next_at = $next, modified_at = $now WHERE id = $id
                """;
            command.Parameters.AddWithValue("$zone", zone.Trim());
            command.Parameters.AddWithValue("$next", current.Preferences.Digest is { } digest ? digest.NextAfter(now, found).ToUnixTimeMilliseconds() : DBNull.Value);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(ct);
        }, ct);
        if (result?.Preferences.Digest is not null)
        {
            triggers.Notify(result.Id);
        }

        return result;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$id", id);
        return command;
    }

    private async Task<Subscription?> UpdateAsync(ChatRef chat, Func<SqliteConnection, SqliteTransaction, Subscription, Task> change, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var current = await SubscriptionRows.FindAsync(connection, transaction, chat, ct);
        if (current is null || !current.Active)
        {
            return null;
        }

        await change(connection, transaction, current);
        var updated = await SubscriptionRows.FindAsync(connection, transaction, chat, ct);
        await transaction.CommitAsync(ct);
        return updated;
    }
}
