using Bot.Core.Search;
using Bot.Core.Search.Query;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Search;

/// <summary>
/// A real migrated SQLite file with articles written the way the article store writes them: the row
/// and its index entry in one transaction.
/// </summary>
internal sealed class SearchArchive : IAsyncDisposable
{
    private readonly TempDatabase _database;
    private readonly SqliteArticleIndex _index = new();
    private int _next;

    private SearchArchive(TempDatabase database, int rankWindow)
    {
        _database = database;
        Search = new SqliteSearchService(database.Database, Options.Create(new SearchOptions { RankWindow = rankWindow }), NullLogger<SqliteSearchService>.Instance);
    }

    public SqliteSearchService Search { get; }

    public SqliteDatabase Database => _database.Database;

    public static async Task<SearchArchive> CreateAsync(int rankWindow = 1_000) => new(await TempDatabase.CreateAsync(), rankWindow);

    public async Task<long> AddAsync(TestArticle article) => (await AddAllAsync([article]))[0];

    public async Task<IReadOnlyList<long>> AddAllAsync(IEnumerable<TestArticle> articles)
    {
        var ids = new List<long>();
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        foreach (var article in articles)
        {
            var id = await InsertAsync(connection, transaction, article);
            await _index.ReindexAsync(connection, transaction, id, CancellationToken.None);
            ids.Add(id);
        }

        await transaction.CommitAsync();
        return ids;
    }

    public Task EditAsync(long id, string title, string plainText) =>
        UpdateAsync(id, "UPDATE articles SET title = $title, plain_text = $text, body = $text WHERE id = $id", ("$title", title), ("$text", plainText));

    /// <summary>Changes the state and the index in one transaction, as the publishing service does.</summary>
    public Task SetStateAsync(long id, string state) =>
        UpdateAsync(id, "UPDATE articles SET state = $state WHERE id = $id", ("$state", state));

    /// <summary>Updates the row and its index entry in one transaction, as the article store does.</summary>
    private async Task UpdateAsync(long id, string sql, params (string Name, string Value)[] values)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            foreach (var (name, value) in values)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        await _index.ReindexAsync(connection, transaction, id, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task DeleteAsync(long id)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await _index.RemoveAsync(connection, transaction, id, CancellationToken.None);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM articles WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Every hit of a query, page by page (the service caps a page at 50).</summary>
    public async Task<(int Total, List<long> Ids)> AllHitsAsync(string query)
    {
        var ids = new List<long>();
        int total;
        do
        {
            var page = await Search.SearchAsync(new SearchRequest(query, SqliteSearchService.MaxLimit, ids.Count), CancellationToken.None);
            Assert.Null(page.Error);
            total = page.Total;
            ids.AddRange(page.Hits.Select(h => h.ArticleId));
            if (page.Hits.Count == 0)
            {
                break;
            }
        }
        while (ids.Count < total);

        return (total, ids);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, TestArticle article)
    {
        _next++;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO articles (slug, title, author, published, published_utc, body, plain_text, source, content_hash, language, state, created_at, modified_at)
            VALUES ($slug, $title, $author, $published, $published_utc, $text, $text, $text, $hash, 'zh', $state, 0, 0)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$slug", $"article-{_next}");
        command.Parameters.AddWithValue("$title", article.Title);
        command.Parameters.AddWithValue("$author", (object?)article.Author ?? DBNull.Value);
        command.Parameters.AddWithValue("$published", (object?)article.Published?.ToString("O") ?? DBNull.Value);
        command.Parameters.AddWithValue("$published_utc", (object?)article.Published?.ToUnixTimeSeconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$text", article.PlainText);
        command.Parameters.AddWithValue("$hash", $"hash-{_next}");
        command.Parameters.AddWithValue("$state", article.State);
        var id = (long)(await command.ExecuteScalarAsync())!;

        foreach (var tag in article.Tags ?? [])
        {
            await using var tagCommand = connection.CreateCommand();
            tagCommand.Transaction = transaction;
            tagCommand.CommandText = "INSERT OR IGNORE INTO article_tags (article_id, kind, value, value_key) VALUES ($id, 'tag', $value, $key)";
            tagCommand.Parameters.AddWithValue("$id", id);
            tagCommand.Parameters.AddWithValue("$value", tag);
            tagCommand.Parameters.AddWithValue("$key", QueryParser.TagKey(tag));
            await tagCommand.ExecuteNonQueryAsync();
        }

        return id;
    }
}
