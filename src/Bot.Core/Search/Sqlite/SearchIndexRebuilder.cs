using System.Globalization;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Search.Sqlite;

/// <summary>
/// Rewrites every article's tokens when the way text is split for the index changes (<see cref="FormatVersion"/>,
/// at start, before search is served) or when an operator asks (`bot reindex`). Articles are rewritten in small
/// transactions, in place, so a running bot keeps answering, and edits made meanwhile write their own tokens.
/// </summary>
public sealed class SearchIndexRebuilder(SqliteDatabase database, IArticleIndex index, IBotStateStore state, ILogger<SearchIndexRebuilder> logger)
{
    /// <summary>
    /// 1: CJK characters and bigrams. 2: words paired with the CJK characters next to them (2018年 is one token).
    /// 3: Traditional characters folded to Simplified (ChineseFolding), in the text and in the tag tokens.
    /// </summary>
    public const int FormatVersion = 3;

    public const string StateKey = "search.index_format";

    private const int Batch = 500;

    private static string Current => FormatVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the index was written in the current format; an empty archive is always current.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken ct) =>
        await state.GetAsync(StateKey, ct) is { } version ? version == Current : !await AnyArticleAsync(ct);

    /// <summary>
    /// Rewrites every article when the index is in another format; records the format of an empty archive's index,
    /// which only this code will write. A current index costs one read of bot_state, no write.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        var version = await state.GetAsync(StateKey, ct);
        if (version == Current)
        {
            return;
        }

        if (version is null && !await AnyArticleAsync(ct))
        {
            await SetVersionAsync(ct);
            return;
        }

        // A warning so that it shows in the console chat and CLI too: the first start after an upgrade takes a while.
        logger.LogWarning("The search index is from an older version; rebuilding it once (a few milliseconds per article)");
        var count = await RebuildAsync(null, ct);
        logger.LogWarning("The search index was rebuilt: {Count} articles", count);
    }

    private async Task<bool> AnyArticleAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM articles)";
        return (long)(await command.ExecuteScalarAsync(ct))! != 0;
    }

    /// <summary>Rewrites the tokens of every article; reports the number done after each batch.</summary>
    public async Task<int> RebuildAsync(IProgress<int>? progress, CancellationToken ct)
    {
        var done = 0;
        await using var connection = await database.OpenAsync(ct);
        for (long after = 0; ;)
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            var batch = await ReadBatchAsync(connection, transaction, after, ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var document in batch)
            {
                await index.IndexAsync(connection, transaction, document, ct);
            }

            await transaction.CommitAsync(ct);
            after = batch[^1].ArticleId;
            done += batch.Count;
            progress?.Report(done);
        }

        await SetVersionAsync(ct);
        return done;
    }

    private Task SetVersionAsync(CancellationToken ct) => state.SetAsync(StateKey, Current, ct);

    private static async Task<List<SearchDocument>> ReadBatchAsync(SqliteConnection connection, SqliteTransaction transaction, long after, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteArticleIndex.DocumentColumns} FROM articles AS a WHERE a.id > $after ORDER BY a.id LIMIT $batch";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$batch", Batch);
        var batch = new List<SearchDocument>(Batch);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            batch.Add(SqliteArticleIndex.Document(reader));
        }

        return batch;
    }
}
