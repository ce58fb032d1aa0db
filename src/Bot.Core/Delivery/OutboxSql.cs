using System.Text.Json;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Delivery;

/// <summary>The SQL of each <see cref="OutboxUpdate"/> in a group-commit transaction; hot statements stay prepared on the outbox's connection.</summary>
internal sealed class OutboxSql(SqliteConnection connection) : IDisposable
{
    private SqliteCommand? _partsSent;
    private SqliteCommand? _queueDeletions;
    private SqliteCommand? _retry;
    private SqliteTransaction? _transaction;
    private long _now;

    public void Begin(SqliteTransaction transaction, long now)
    {
        _transaction = transaction;
        _now = now;
        foreach (var command in new[] { _partsSent, _queueDeletions, _retry })
        {
            if (command is not null)
            {
                command.Transaction = transaction;
                command.Parameters["$now"].Value = now;
            }
        }
    }

    public async Task ApplyAsync(OutboxUpdate update, CancellationToken ct)
    {
        switch (update)
        {
            case OutboxUpdate.PartsSent sent:
                await PartsSentAsync(sent, ct);
                break;
            case OutboxUpdate.Retry retry:
                await RetryAsync(retry, ct);
                break;
            case OutboxUpdate.Failed failed:
                await ExecuteAsync(
                    """
                    UPDATE deliveries
                    SET state = 'failed', last_error = $error, finished_at = $now, lease_owner = NULL, lease_until = NULL
                    WHERE id = $id AND lease_owner = $owner AND state = 'pending'
                    """,
                    ct,
                    ("$id", failed.DeliveryId),
                    ("$owner", failed.Owner),
                    ("$error", failed.Reason));
                break;
            case OutboxUpdate.ChatGone gone:
                await DeactivateAsync(gone.SubscriptionId, gone.Kind, gone.Reason, ct);
                break;
            case OutboxUpdate.ChatMigrated migrated:
                await MigrateAsync(migrated, ct);
                break;
            case OutboxUpdate.DeletionFinished finished:
                await ExecuteAsync(
                    """
                    UPDATE delivery_deletions
                    SET state = $state, last_error = $error, lease_owner = NULL, lease_until = NULL
                    WHERE id = $id AND lease_owner = $owner
                    """,
                    ct,
                    ("$id", finished.DeletionId),
                    ("$owner", finished.Owner),
                    ("$state", finished.Deleted ? "done" : "failed"),
                    ("$error", finished.Error));
                break;
            case OutboxUpdate.DeletionRetry retry:
                await ExecuteAsync(
                    """
                    UPDATE delivery_deletions
                    SET next_attempt_at = $at, attempts = attempts + $count, last_error = $error, lease_owner = NULL, lease_until = NULL
                    WHERE id = $id AND lease_owner = $owner
                    """,
                    ct,
                    ("$id", retry.DeletionId),
                    ("$owner", retry.Owner),
                    ("$at", retry.At.ToUnixTimeMilliseconds()),
                    ("$count", retry.CountsAttempt ? 1 : 0),
                    ("$error", retry.Error));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(update), update, "unknown outbox update");
        }
    }

    public void Dispose()
    {
        _partsSent?.Dispose();
        _queueDeletions?.Dispose();
        _retry?.Dispose();
    }

    private async Task PartsSentAsync(OutboxUpdate.PartsSent sent, CancellationToken ct)
    {
        if (_partsSent is null)
        {
            _partsSent = Create("""
                UPDATE deliveries
                SET next_part = $next, part_count = $count, message_ids = $ids, last_error = NULL,
                    state = CASE WHEN $done = 1 AND state = 'pending' THEN 'sent' ELSE state END,
                    finished_at = CASE WHEN $done = 1 AND state = 'pending' THEN $now ELSE finished_at END,
                    lease_owner = CASE WHEN $done = 1 THEN NULL ELSE lease_owner END,
                    lease_until = CASE WHEN $done = 1 THEN NULL ELSE $until END
                WHERE id = $id AND lease_owner = $owner
                RETURNING state
                """);
            foreach (var name in new[] { "$next", "$count", "$ids", "$done", "$until", "$id", "$owner" })
            {
                _partsSent.Parameters.AddWithValue(name, DBNull.Value);
            }

            // A retraction that raced this send cancelled the delivery: what was just sent is deleted again.
            _queueDeletions = Create("""
                INSERT INTO delivery_deletions (delivery_id, message_id, state, next_attempt_at)
                SELECT d.id, j.value, 'pending', $now
                FROM deliveries d, json_each($new) j
                WHERE d.id = $id AND d.state = 'cancelled'
                ON CONFLICT DO NOTHING
                """);
            _queueDeletions.Parameters.AddWithValue("$id", DBNull.Value);
            _queueDeletions.Parameters.AddWithValue("$new", DBNull.Value);
        }

        _partsSent.Parameters["$next"].Value = sent.NextPart;
        _partsSent.Parameters["$count"].Value = sent.PartCount;
        _partsSent.Parameters["$ids"].Value = JsonSerializer.Serialize(sent.MessageIds);
        _partsSent.Parameters["$done"].Value = sent.Done ? 1 : 0;
        _partsSent.Parameters["$until"].Value = sent.LeaseUntil.ToUnixTimeMilliseconds();
        _partsSent.Parameters["$id"].Value = sent.DeliveryId;
        _partsSent.Parameters["$owner"].Value = sent.Owner;
        var state = await _partsSent.ExecuteScalarAsync(ct) as string;

        if (sent.NewMessageIds.Count > 0 && state == "cancelled")
        {
            _queueDeletions!.Parameters["$id"].Value = sent.DeliveryId;
            _queueDeletions.Parameters["$new"].Value = JsonSerializer.Serialize(sent.NewMessageIds);
            await _queueDeletions.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task RetryAsync(OutboxUpdate.Retry retry, CancellationToken ct)
    {
        if (_retry is null)
        {
            _retry = Create("""
                UPDATE deliveries
                SET lease_owner = NULL, lease_until = NULL, next_attempt_at = $at, attempts = attempts + $count, last_error = $error
                WHERE id = $id AND lease_owner = $owner AND state = 'pending'
                """);
            foreach (var name in new[] { "$at", "$count", "$error", "$id", "$owner" })
            {
                _retry.Parameters.AddWithValue(name, DBNull.Value);
            }
        }

        _retry.Parameters["$at"].Value = retry.At.ToUnixTimeMilliseconds();
        _retry.Parameters["$count"].Value = retry.CountsAttempt ? 1 : 0;
        _retry.Parameters["$error"].Value = (object?)retry.Error ?? DBNull.Value;
        _retry.Parameters["$id"].Value = retry.DeliveryId;
        _retry.Parameters["$owner"].Value = retry.Owner;
        await _retry.ExecuteNonQueryAsync(ct);
    }

    private async Task DeactivateAsync(long subscriptionId, ChatGoneKind kind, string reason, CancellationToken ct) =>
        await ExecuteAsync(
            """
            UPDATE subscriptions SET active = 0, deactivated_reason = $error, deactivated_kind = $kind, modified_at = $now WHERE id = $subscription;
            UPDATE deliveries
            SET state = 'failed', last_error = $error, finished_at = $now, lease_owner = NULL, lease_until = NULL
            WHERE subscription_id = $subscription AND state = 'pending';
            """,
            ct,
            ("$subscription", subscriptionId),
            ("$kind", kind.ToKey()),
            ("$error", reason));

    private async Task MigrateAsync(OutboxUpdate.ChatMigrated migrated, CancellationToken ct)
    {
        await using var taken = Create("""
            SELECT count(*) FROM subscriptions n JOIN subscriptions o ON o.id = $subscription
            WHERE n.platform = o.platform AND n.chat_id = $chat AND n.thread_id = o.thread_id AND n.id <> o.id
            """);
        taken.Parameters.AddWithValue("$subscription", migrated.SubscriptionId);
        taken.Parameters.AddWithValue("$chat", migrated.NewChatId);
        if ((long)(await taken.ExecuteScalarAsync(ct))! > 0)
        {
            // The new chat subscribed on its own already; it receives articles there, so this one retires.
            await DeactivateAsync(migrated.SubscriptionId, ChatGoneKind.Migrated, $"chat migrated to {migrated.NewChatId}, which has its own subscription", ct);
            return;
        }

        await ExecuteAsync(
            """
            UPDATE subscriptions SET chat_id = $chat, modified_at = $now WHERE id = $subscription;
            UPDATE deliveries SET lease_owner = NULL, lease_until = NULL, next_attempt_at = $now
            WHERE id = $id AND lease_owner = $owner AND state = 'pending';
            """,
            ct,
            ("$subscription", migrated.SubscriptionId),
            ("$chat", migrated.NewChatId),
            ("$id", migrated.DeliveryId),
            ("$owner", migrated.Owner));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private SqliteCommand Create(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", _now);
        return command;
    }
}
