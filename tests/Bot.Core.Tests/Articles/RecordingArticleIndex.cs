using Bot.Core.Search;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Tests.Articles;

/// <summary>
/// An IArticleIndex that records what it was asked to index, checks that the article row is visible in
/// the caller's transaction, and can be told to fail for one title (to test per-file isolation).
/// </summary>
internal sealed class RecordingArticleIndex : IArticleIndex
{
    private readonly List<(long Id, string Title)> _indexed = [];

    public string? FailForTitle { get; set; }

    public IReadOnlyList<(long Id, string Title)> Indexed
    {
        get
        {
            lock (_indexed)
            {
                return [.. _indexed];
            }
        }
    }

    public async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument document, CancellationToken ct)
    {
        var (articleId, title) = (document.ArticleId, document.Title);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT title FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        var stored = await command.ExecuteScalarAsync(ct) as string;
        Assert.Equal(title, stored);
        if (title == FailForTitle)
        {
            throw new InvalidOperationException($"index refused '{title}'");
        }

        lock (_indexed)
        {
            _indexed.Add((articleId, title));
        }
    }

    public Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;

    public Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long articleId, CancellationToken ct) => Task.CompletedTask;
}
