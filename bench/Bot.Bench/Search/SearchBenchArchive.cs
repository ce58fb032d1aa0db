using System.Diagnostics;
using Bot.Core.Search;
using Bot.Core.Search.Query;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Bench.Search;

/// <summary>Fills a database with the corpus replicated to N articles, indexed both ways (ours and an FTS5 trigram baseline).</summary>
internal static class SearchBenchArchive
{
    private const int Batch = 2_000;

    public static async Task<long> CountAsync(SqliteDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<TimeSpan> BuildAsync(SqliteDatabase database, IReadOnlyList<BenchArticle> corpus, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var index = new SqliteArticleIndex();
        await using var connection = await database.OpenAsync(ct);
        for (var start = 0; start < count; start += Batch)
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            for (var k = start; k < Math.Min(count, start + Batch); k++)
            {
                var article = corpus[k % corpus.Count];
                var id = await InsertAsync(connection, transaction, article, k, corpus.Count, ct);
                await index.IndexAsync(connection, transaction, id, article.Title, article.Text, ct);
            }

            await transaction.CommitAsync(ct);
            Console.Error.Write($"\rindexed {Math.Min(count, start + Batch)}/{count}");
        }

        Console.Error.WriteLine();
        await ExecuteAsync(connection, """
            INSERT INTO article_fts (article_fts) VALUES ('optimize');
            CREATE VIRTUAL TABLE bench_trigram USING fts5 (title, plain_text, content = 'articles', content_rowid = 'id', tokenize = 'trigram');
            INSERT INTO bench_trigram (bench_trigram) VALUES ('rebuild');
            PRAGMA wal_checkpoint(TRUNCATE);
            ANALYZE;
            """, ct);
        return clock.Elapsed;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, BenchArticle article, int k, int corpusCount, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO articles (slug, title, published, published_utc, body, plain_text, source, content_hash, language, state, created_at, modified_at)
            VALUES ($slug, $title, $published, $published_utc, $text, $text, '', $slug, 'zh', 'published', 0, 0)
            RETURNING id
            """;
        var published = article.Published.AddHours(k / corpusCount);
        command.Parameters.AddWithValue("$slug", $"bench-{k}");
        command.Parameters.AddWithValue("$title", article.Title);
        command.Parameters.AddWithValue("$published", published.ToString("O"));
        command.Parameters.AddWithValue("$published_utc", published.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$text", article.Text);
        var id = (long)(await command.ExecuteScalarAsync(ct))!;
        foreach (var tag in article.Tags)
        {
            await using var tagCommand = connection.CreateCommand();
            tagCommand.Transaction = transaction;
            tagCommand.CommandText = "INSERT OR IGNORE INTO article_tags (article_id, kind, value, value_key) VALUES ($id, 'tag', $value, $key)";
            tagCommand.Parameters.AddWithValue("$id", id);
            tagCommand.Parameters.AddWithValue("$value", tag);
            tagCommand.Parameters.AddWithValue("$key", QueryParser.TagKey(tag));
            await tagCommand.ExecuteNonQueryAsync(ct);
        }

        return id;
    }
}
