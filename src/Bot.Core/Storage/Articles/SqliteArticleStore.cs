using Bot.Core.Articles;
using Bot.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Storage.Articles;

/// <summary>The archive in SQLite. Every write indexes the article for search in the same transaction.</summary>
public sealed class SqliteArticleStore(SqliteDatabase database, IArticleIndex index, TimeProvider time, ILogger<SqliteArticleStore> logger) : IArticleStore
{
    public async Task<Article?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ArticleReader.Columns}
            FROM articles
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        return (await ArticleReader.ReadAllAsync(command, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Article>> LatestAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // Undated articles sort last: "newest" means newest by the author's date.
        command.CommandText = $"""
            SELECT {ArticleReader.Columns}
            FROM articles
            WHERE state = '{ArticleStates.Published}'
            ORDER BY published_utc IS NULL, published_utc DESC, id DESC
            LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", Math.Max(0, count));
        return await ArticleReader.ReadAllAsync(command, ct);
    }

    public async Task<IReadOnlyDictionary<ArticleState, int>> CountByStateAsync(CancellationToken ct)
    {
        var counts = Enum.GetValues<ArticleState>().ToDictionary(s => s, _ => 0);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, count(*) FROM articles INDEXED BY ix_articles_state_published GROUP BY state";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[ArticleStates.Parse(reader.GetString(0))] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var tags = new Dictionary<long, List<string>>();
        await using (var tagCommand = connection.CreateCommand())
        {
            tagCommand.CommandText = "SELECT article_id, value FROM article_tags WHERE kind = 'tag' ORDER BY article_id, position, value_key";
            await using var reader = await tagCommand.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (!tags.TryGetValue(id, out var list))
                {
                    tags[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            -- A feed item has no file: its source is its URL (issue 14).
            SELECT id, title, author, published, coalesce(source_file, CASE WHEN source_id IS NOT NULL THEN source_url END), state
            FROM articles
            ORDER BY id
            """;
        var summaries = new List<ArticleSummary>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                summaries.Add(new ArticleSummary(
                    id,
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    ArticleReader.ParseDate(reader.IsDBNull(3) ? null : reader.GetString(3)),
                    tags.TryGetValue(id, out var list) ? list : [],
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    ArticleStates.Parse(reader.GetString(5))));
            }
        }

        return summaries;
    }

    public async Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // MIN(value) picks one spelling when authors wrote the same tag in different cases.
        command.CommandText = $"""
            SELECT MIN(t.value), COUNT(*) AS uses
            FROM article_tags t
            JOIN articles a ON a.id = t.article_id
            WHERE t.kind = 'tag' AND a.state = '{ArticleStates.Published}'
            GROUP BY t.value_key
            ORDER BY uses DESC, t.value_key
            """;
        var counts = new List<TagCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(new TagCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return counts;
    }

    public async Task<ImportOutcome> ImportAsync(ParsedArticle parsed, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        ImportOutcome outcome;
        await using (var writer = new ArticleWriter(connection, transaction, index, time.GetUtcNow()))
        {
            outcome = await writer.ImportAsync(parsed, ct);
        }

        await transaction.CommitAsync(ct);
        return outcome;
    }

    public async Task<IReadOnlyList<BatchImportResult>> ImportManyAsync(IReadOnlyList<ParsedArticle> batch, CancellationToken ct)
    {
        try
        {
            return await ImportBatchAsync(batch, deferIndex: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The batch was rolled back whole. Again with each article indexed inside its own savepoint (slower: FTS5
            // writes a segment per savepoint), so that only the article that cannot be indexed fails.
            logger.LogWarning(e, "Indexing a batch of {Count} articles failed; writing them one by one", batch.Count);
            return await ImportBatchAsync(batch, deferIndex: false, ct);
        }
    }

    private async Task<IReadOnlyList<BatchImportResult>> ImportBatchAsync(IReadOnlyList<ParsedArticle> batch, bool deferIndex, CancellationToken ct)
    {
        var results = new List<BatchImportResult>(batch.Count);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using (var writer = new ArticleWriter(connection, transaction, index, time.GetUtcNow(), deferIndex))
        {
            foreach (var parsed in batch)
            {
                // A savepoint per file: a row the database refuses is rolled back alone, the batch goes on.
                transaction.Save("article");
                try
                {
                    results.Add(new BatchImportResult(await writer.ImportAsync(parsed, ct), null));
                    transaction.Release("article");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    transaction.Rollback("article");
                    transaction.Release("article");
                    logger.LogWarning(e, "Could not store {SourceFile}", parsed.SourceFile);
                    results.Add(new BatchImportResult(null, $"database refused the article: {e.Message}"));
                }
            }

            // After the savepoints, in the same transaction: the batch's tokens reach FTS5 in one flush.
            await writer.IndexDeferredAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return results;
    }

    public async Task<Article> CreateDraftAsync(ParsedArticle parsed, CancellationToken ct)
    {
        long id;
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            await using (var writer = new ArticleWriter(connection, transaction, index, time.GetUtcNow()))
            {
                id = await writer.InsertAsync(parsed, ArticleState.Draft, ct);
            }

            await transaction.CommitAsync(ct);
        }

        return await GetAsync(id, ct) ?? throw new InvalidOperationException($"draft {id} vanished right after it was written");
    }
}
