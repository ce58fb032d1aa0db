using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Search;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Publishing;

/// <summary>
/// Article states in SQLite. Publishing and its fan-out are one transaction: an article is never
/// published without its deliveries, and the unique (article, subscription) key makes a second fan-out
/// impossible. Subscriptions made after an article was published never receive it.
/// </summary>
public sealed class SqlitePublishingService(
    SqliteDatabase database,
    DeliverySignal signal,
    ArticleCache articles,
    IArticleIndex index,
    TimeProvider time,
    ILogger<SqlitePublishingService> logger) : IPublishingService
{
    /// <summary>Digests that list article $id and no article that is not retracted.</summary>
    private const string EmptiedDigests = $"""
        SELECT i.digest_id FROM digest_items i
        WHERE i.article_id = $id AND i.digest_id IS NOT NULL
          AND NOT EXISTS (
              SELECT 1 FROM digest_items o JOIN articles a ON a.id = o.article_id
              WHERE o.digest_id = i.digest_id AND a.state <> '{ArticleStates.Retracted}')
        """;

    public async Task<PublishOutcome> PublishNowAsync(long articleId, CancellationToken ct)
    {
        var outcome = await PublishAsync(articleId, onlyIfDue: false, ct);
        if (outcome.Deliveries > 0)
        {
            signal.Notify();
        }

        return outcome;
    }

    public async Task<PublishOutcome> ScheduleAsync(long articleId, DateTimeOffset at, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var state = await StateAsync(connection, transaction, articleId, ct);
        var refused = Refuse(articleId, state);
        if (refused is not null)
        {
            return refused;
        }

        if (at <= now)
        {
            return new PublishOutcome(articleId, PublishStatus.TimeInPast, At: at);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE articles SET state = '{ArticleStates.Scheduled}', scheduled_at = $at, modified_at = $now WHERE id = $id
                """;
            command.Parameters.AddWithValue("$id", articleId);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Article {ArticleId} scheduled for {At}", articleId, at);
        return new PublishOutcome(articleId, PublishStatus.Scheduled, At: at);
    }

    public async Task<PublishOutcome> RetractAsync(long articleId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var state = await StateAsync(connection, transaction, articleId, ct);
        if (state is null)
        {
            return new PublishOutcome(articleId, PublishStatus.NotFound);
        }

        if (state == "retracted")
        {
            return new PublishOutcome(articleId, PublishStatus.AlreadyRetracted);
        }

        int deletions;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Pending deliveries stop; every message already on a platform (also the first parts of
            // an unfinished one) is queued for deletion, which the worker sends at the rate limits.
            command.CommandText = $"""
                UPDATE articles SET state = '{ArticleStates.Retracted}', scheduled_at = NULL, modified_at = $now_s WHERE id = $id;
                UPDATE deliveries
                SET state = 'cancelled', finished_at = $now_ms, last_error = 'article retracted'
                WHERE article_id = $id AND state = 'pending' AND digest_id IS NULL;
                INSERT INTO delivery_deletions (delivery_id, message_id, state, next_attempt_at)
                SELECT d.id, j.value, 'pending', $now_ms
                FROM deliveries d, json_each(d.message_ids) j
                WHERE d.article_id = $id AND d.digest_id IS NULL
                ON CONFLICT DO NOTHING;

                -- Digests: a digest not made yet simply loses the article. A digest made already keeps its
                -- message while it lists any other article (the line of this one stays: editing it would
                -- notify nobody and could fail past the platform's edit window); when this was its last
                -- article, it is cancelled or its messages are deleted like an article's.
                DELETE FROM digest_items WHERE article_id = $id AND digest_id IS NULL;
                UPDATE deliveries
                SET state = 'cancelled', finished_at = $now_ms, last_error = 'every article of the digest was retracted'
                WHERE digest_id IN ({EmptiedDigests}) AND state = 'pending';
                INSERT INTO delivery_deletions (delivery_id, message_id, state, next_attempt_at)
                SELECT d.id, j.value, 'pending', $now_ms
                FROM deliveries d, json_each(d.message_ids) j
                WHERE d.digest_id IN ({EmptiedDigests})
                ON CONFLICT DO NOTHING;
                """;
            command.Parameters.AddWithValue("$id", articleId);
            command.Parameters.AddWithValue("$now_s", now.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$now_ms", now.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(ct);
        }

        // Search stops finding it in the same commit: the index marks hidden articles.
        await index.ReindexAsync(connection, transaction, articleId, ct);

        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = """
                SELECT count(*) FROM delivery_deletions x JOIN deliveries d ON d.id = x.delivery_id
                WHERE x.state = 'pending'
                  AND (d.article_id = $id AND d.digest_id IS NULL
                       OR d.digest_id IN (SELECT digest_id FROM digest_items WHERE article_id = $id))
                """;
            count.Parameters.AddWithValue("$id", articleId);
            deletions = (int)(long)(await count.ExecuteScalarAsync(ct))!;
        }

        await transaction.CommitAsync(ct);
        articles.Forget(articleId);
        if (deletions > 0)
        {
            signal.Notify();
        }

        logger.LogInformation("Article {ArticleId} retracted; {Deletions} messages queued for deletion", articleId, deletions);
        return new PublishOutcome(articleId, PublishStatus.Retracted, deletions, now);
    }

    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var due = new List<long>();
        await using (var connection = await database.OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT id FROM articles WHERE state = '{ArticleStates.Scheduled}' AND scheduled_at <= $now ORDER BY scheduled_at, id
                """;
            command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                due.Add(reader.GetInt64(0));
            }
        }

        var published = 0;
        foreach (var id in due)
        {
            // Checked again inside the transaction: an admin may have retracted or published it meanwhile.
            var outcome = await PublishAsync(id, onlyIfDue: true, ct);
            published += outcome.Status == PublishStatus.Published ? 1 : 0;
        }

        if (published > 0)
        {
            signal.Notify();
        }

        return published;
    }

    public async Task<DeliveryStats> StatsAsync(long? articleId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce(sum(state = 'pending'), 0), coalesce(sum(state = 'sent'), 0), coalesce(sum(state = 'failed'), 0)
            FROM deliveries
            WHERE $article IS NULL OR (article_id = $article AND digest_id IS NULL)
            """;
        command.Parameters.AddWithValue("$article", (object?)articleId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DeliveryStats((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public async Task<IReadOnlyList<SubscriptionStats>> SubscriptionStatsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.platform, s.chat_id, s.active,
                   coalesce(sum(d.state = 'pending'), 0), coalesce(sum(d.state = 'sent'), 0), coalesce(sum(d.state = 'failed'), 0)
            FROM subscriptions s
            LEFT JOIN deliveries d ON d.subscription_id = s.id
            GROUP BY s.id
            ORDER BY s.id
            """;
        var stats = new List<SubscriptionStats>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stats.Add(new SubscriptionStats(
                reader.GetInt64(0), PlatformOf(reader.GetString(1)), reader.GetString(2), reader.GetInt64(3) != 0,
                (int)reader.GetInt64(4), (int)reader.GetInt64(5), (int)reader.GetInt64(6)));
        }

        return stats;
    }

    private static Platform PlatformOf(string key) =>
        PlatformNames.TryParse(key, out var platform) ? platform : throw new InvalidOperationException($"unknown platform '{key}' in the database");

    private async Task<PublishOutcome> PublishAsync(long articleId, bool onlyIfDue, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var state = await StateAsync(connection, transaction, articleId, ct);
        var refused = Refuse(articleId, state);
        if (refused is not null || (onlyIfDue && state != "scheduled"))
        {
            return refused ?? new PublishOutcome(articleId, PublishStatus.NotFound);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE articles
                SET state = '{ArticleStates.Published}', published_at = $now, scheduled_at = NULL, modified_at = $now,
                    published = coalesce(published, $iso), published_utc = coalesce(published_utc, $now)
                WHERE id = $id
                """;
            command.Parameters.AddWithValue("$id", articleId);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$iso", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(ct);
        }

        // Search finds it in the same commit; a draft without a date takes the publishing time, which the
        // index's date tokens (since:, until:) hold.
        await index.ReindexAsync(connection, transaction, articleId, ct);
        var deliveries = await FanOut.WriteAsync(connection, transaction, articleId, now, ct);
        await transaction.CommitAsync(ct);
        articles.Forget(articleId);
        logger.LogInformation("Article {ArticleId} published to {Deliveries} subscriptions", articleId, deliveries);
        return new PublishOutcome(articleId, PublishStatus.Published, deliveries, now);
    }

    private static PublishOutcome? Refuse(long articleId, string? state) => state switch
    {
        null => new PublishOutcome(articleId, PublishStatus.NotFound),
        "published" => new PublishOutcome(articleId, PublishStatus.AlreadyPublished),
        "retracted" => new PublishOutcome(articleId, PublishStatus.AlreadyRetracted),
        _ => null,
    };

    private static async Task<string?> StateAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT state FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
