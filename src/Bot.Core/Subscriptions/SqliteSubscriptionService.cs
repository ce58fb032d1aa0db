using Bot.Core.Chat;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Subscriptions in SQLite, one row per (platform, chat, thread). Filter values are refused when there
/// are more than <see cref="MaxValuesPerKind"/> of a kind or one is longer than <see cref="MaxValueLength"/>
/// (ArgumentException with a message fit for the user).
/// </summary>
public sealed class SqliteSubscriptionService(SqliteDatabase database, TimeProvider time, ILogger<SqliteSubscriptionService> logger) : ISubscriptionService
{
    public const int MaxValuesPerKind = 50;
    public const int MaxValueLength = 100;

    public async Task<SubscribeOutcome> SubscribeAsync(ChatRef chat, SubscriptionFilter filter, CancellationToken ct)
    {
        var wanted = FilterRows.From(filter);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var existing = await SubscriptionRows.FindAsync(connection, transaction, chat, ct);
        SubscribeStatus status;
        long id;
        if (existing is null)
        {
            id = await InsertAsync(connection, transaction, chat, now, ct);
            await FilterRows.AddAsync(connection, transaction, id, wanted, ct);
            status = SubscribeStatus.Created;
        }
        else if (!existing.Active)
        {
            // A chat that comes back starts afresh: its old filter belonged to the old conversation.
            id = existing.Id;
            await ReactivateAsync(connection, transaction, id, chat, now, ct);
            await FilterRows.ClearAsync(connection, transaction, id, ct);
            await FilterRows.AddAsync(connection, transaction, id, wanted, ct);
            status = SubscribeStatus.Updated;
        }
        else
        {
            id = existing.Id;
            status = await MergeFilterAsync(connection, transaction, existing, wanted, ct);
        }

        var subscription = await SubscriptionRows.FindAsync(connection, transaction, chat, ct)
            ?? throw new InvalidOperationException("subscription vanished inside its own transaction");
        await transaction.CommitAsync(ct);
        logger.LogInformation("Subscription {SubscriptionId} of {Platform} chat {ChatId}: {Status}", id, chat.Platform, chat.ChatId, status);
        return new SubscribeOutcome(subscription, status);
    }

    public async Task<bool> UnsubscribeAsync(ChatRef chat, SubscriptionFilter remove, CancellationToken ct)
    {
        var unwanted = FilterRows.From(remove);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var existing = await SubscriptionRows.FindAsync(connection, transaction, chat, ct);
        if (existing is null)
        {
            return false;
        }

        var deleteAll = unwanted.Count == 0;
        if (!deleteAll && !existing.Filter.IsEverything)
        {
            await FilterRows.RemoveAsync(connection, transaction, existing.Id, unwanted, ct);
            deleteAll = await FilterRows.CountAsync(connection, transaction, existing.Id, ct) == 0;
        }

        if (deleteAll)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            // Cascades to its pending deliveries: an unsubscribed chat gets nothing more.
            delete.CommandText = "DELETE FROM subscriptions WHERE id = $id";
            delete.Parameters.AddWithValue("$id", existing.Id);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Unsubscribed {Platform} chat {ChatId} (whole subscription: {Whole})", chat.Platform, chat.ChatId, deleteAll);
        return true;
    }

    public async Task<Subscription?> GetAsync(ChatRef chat, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SubscriptionRows.FindAsync(connection, null, chat, ct);
    }

    public async Task<bool> SetPausedAsync(ChatRef chat, bool paused, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE subscriptions SET paused = $paused, modified_at = $now
            WHERE platform = $platform AND chat_id = $chat AND thread_id = $thread
            """;
        command.Parameters.AddWithValue("$paused", paused ? 1 : 0);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        SubscriptionRows.AddKey(command, chat);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<int> DeactivateChatAsync(Platform platform, string chatId, ChatGoneKind kind, string reason, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE deliveries
            SET state = 'failed', last_error = $reason, finished_at = $now, lease_owner = NULL, lease_until = NULL
            WHERE state = 'pending' AND subscription_id IN
                (SELECT id FROM subscriptions WHERE platform = $platform AND chat_id = $chat AND active = 1);
            UPDATE subscriptions SET active = 0, deactivated_reason = $reason, deactivated_kind = $kind, modified_at = $now
            WHERE platform = $platform AND chat_id = $chat AND active = 1;
            """;
        command.Parameters.AddWithValue("$platform", platform.ToKey());
        command.Parameters.AddWithValue("$chat", chatId);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$kind", kind.ToKey());
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
        await using var changed = connection.CreateCommand();
        changed.Transaction = transaction;
        changed.CommandText = "SELECT changes()";
        var count = (int)(long)(await changed.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return count;
    }

    public async Task<int> MoveChatAsync(Platform platform, string oldChatId, string newChatId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();

        // Threads the new chat subscribed on its own keep theirs; the old chat's duplicates stay behind, inactive.
        command.CommandText = """
            UPDATE subscriptions SET active = 0, deactivated_reason = 'chat migrated to ' || $new || ', which has its own subscription',
                deactivated_kind = 'migrated', modified_at = $now
            WHERE platform = $platform AND chat_id = $old
              AND thread_id IN (SELECT thread_id FROM subscriptions WHERE platform = $platform AND chat_id = $new);
            UPDATE subscriptions SET chat_id = $new, modified_at = $now
            WHERE platform = $platform AND chat_id = $old
              AND thread_id NOT IN (SELECT thread_id FROM subscriptions WHERE platform = $platform AND chat_id = $new);
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$platform", platform.ToKey());
        command.Parameters.AddWithValue("$old", oldChatId);
        command.Parameters.AddWithValue("$new", newChatId);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<SubscribeStatus> MergeFilterAsync(SqliteConnection connection, SqliteTransaction transaction, Subscription existing, List<FilterRow> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            if (existing.Filter.IsEverything)
            {
                return SubscribeStatus.AlreadySubscribed;
            }

            await FilterRows.ClearAsync(connection, transaction, existing.Id, ct);
            return SubscribeStatus.Updated;
        }

        // A chat that had everything and now names tags asked for those tags: the filter narrows to them.
        var added = await FilterRows.AddAsync(connection, transaction, existing.Id, wanted, ct);
        return added > 0 ? SubscribeStatus.Updated : SubscribeStatus.AlreadySubscribed;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, ChatRef chat, long now, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO subscriptions (platform, chat_id, thread_id, chat_kind, title, created_at, modified_at)
            VALUES ($platform, $chat, $thread, $kind, $title, $now, $now)
            RETURNING id
            """;
        SubscriptionRows.AddKey(command, chat);
        command.Parameters.AddWithValue("$kind", chat.Kind.ToKey());
        command.Parameters.AddWithValue("$title", (object?)chat.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ReactivateAsync(SqliteConnection connection, SqliteTransaction transaction, long id, ChatRef chat, long now, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE subscriptions
            SET active = 1, paused = 0, deactivated_reason = NULL, deactivated_kind = NULL, chat_kind = $kind,
                title = coalesce($title, title), modified_at = $now
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kind", chat.Kind.ToKey());
        command.Parameters.AddWithValue("$title", (object?)chat.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }
}
