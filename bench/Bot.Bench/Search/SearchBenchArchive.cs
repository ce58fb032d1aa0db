using System.Diagnostics;
using Bot.Core.Search.Query;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>Builds in phases so each structure's size is a page-count difference; sizes go to bot_state for reruns.</summary>
    public static async Task<TimeSpan> BuildAsync(SqliteDatabase database, IReadOnlyList<BenchArticle> corpus, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenAsync(ct);
        var empty = await BytesAsync(connection, ct);
        for (var start = 0; start < count; start += Batch)
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            for (var k = start; k < Math.Min(count, start + Batch); k++)
            {
                await InsertAsync(connection, transaction, corpus[k % corpus.Count], k, corpus.Count, ct);
            }

            await transaction.CommitAsync(ct);
        }

        var phase = Phase(clock, "articles");
        var articles = await BytesAsync(connection, ct);

        // A bulk load merges once at the end ('optimize') instead of after every few transactions.
        await ExecuteAsync(connection, "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 0)", ct);
        await new SearchIndexRebuilder(database, new SqliteArticleIndex(), new SqliteBotStateStore(database), NullLogger<SearchIndexRebuilder>.Instance).RebuildAsync(null, ct);
        var indexing = clock.Elapsed - phase;
        phase = Phase(clock, "index", phase);
        await ExecuteAsync(connection, """
            INSERT INTO article_fts (article_fts) VALUES ('optimize');
            INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 4);
            PRAGMA wal_checkpoint(TRUNCATE);
            """, ct);
        indexing += clock.Elapsed - phase;
        phase = Phase(clock, "optimize", phase);
        var fts = await BytesAsync(connection, ct);
        await ExecuteAsync(connection, """
            CREATE VIRTUAL TABLE bench_trigram USING fts5 (title, plain_text, content = 'articles', content_rowid = 'id', tokenize = 'trigram');
            INSERT INTO bench_trigram (bench_trigram) VALUES ('rebuild');
            PRAGMA wal_checkpoint(TRUNCATE);
            """, ct);
        Phase(clock, "trigram", phase);
        var trigram = await BytesAsync(connection, ct);
        await ExecuteAsync(connection, $"""
            INSERT INTO bot_state (key, value) VALUES
                ('bench.empty', '{empty}'), ('bench.articles', '{articles}'), ('bench.fts', '{fts}'), ('bench.trigram', '{trigram}'),
                ('bench.index_seconds', '{Math.Round(indexing.TotalSeconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}');
            ANALYZE;
            """, ct);
        return clock.Elapsed;
    }

    /// <summary>Seconds our index took to build (tokens and optimize), as recorded while building.</summary>
    public static async Task<double?> IndexBuildSecondsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM bot_state WHERE key = 'bench.index_seconds'";
        return await command.ExecuteScalarAsync(ct) is string seconds ? double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>(our FTS tables, trigram tables) in bytes, from the page counts recorded while building.</summary>
    public static async Task<(double Fts, double Trigram)> IndexBytesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM bot_state WHERE key LIKE 'bench.%'";
        var values = new Dictionary<string, double>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values[reader.GetString(0)] = double.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (values["bench.fts"] - values["bench.articles"], values["bench.trigram"] - values["bench.fts"]);
    }

    private static TimeSpan Phase(Stopwatch clock, string name, TimeSpan since = default)
    {
        Console.Error.WriteLine($"{name}: {(clock.Elapsed - since).TotalSeconds:N1} s");
        return clock.Elapsed;
    }

    private static async Task<long> BytesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM pragma_freelist_count), (SELECT page_size FROM pragma_page_size)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0) * reader.GetInt64(1);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, BenchArticle article, int k, int corpusCount, CancellationToken ct)
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
    }
}
