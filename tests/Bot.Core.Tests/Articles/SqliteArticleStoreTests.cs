using Bot.Core.Articles;
using Bot.Core.Storage.Articles;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Tests.Articles;

public sealed class SqliteArticleStoreTests : IAsyncLifetime
{
    private readonly RecordingArticleIndex _index = new();
    private readonly FakeTimeProvider _time = new();
    private TempDatabase _database = null!;
    private SqliteArticleStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _store = new SqliteArticleStore(_database.Database, _index, _time, NullLogger<SqliteArticleStore>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CountByStateAsync_CountsEveryStateWithoutReadingArticles()
    {
        await _store.ImportAsync(TestArticles.Markdown("a.md", "一"), CancellationToken.None);
        await _store.ImportAsync(TestArticles.Markdown("b.md", "二"), CancellationToken.None);
        await _store.CreateDraftAsync(TestArticles.Markdown("c.md", "三") with { SourceFile = null }, CancellationToken.None);

        var counts = await _store.CountByStateAsync(CancellationToken.None);

        Assert.Equal(2, counts[ArticleState.Published]);
        Assert.Equal(1, counts[ArticleState.Draft]);
        Assert.Equal(0, counts[ArticleState.Scheduled]);
        Assert.Equal(0, counts[ArticleState.Retracted]);
    }

    [Fact]
    public async Task ImportAsync_NewFile_IsStoredWithEveryField()
    {
        var parsed = TestArticles.Markdown("2024/a.md", "朝鲜与俄罗斯", date: "2024-06-26T13:51:49.0776+00:00");

        var outcome = await _store.ImportAsync(parsed, CancellationToken.None);
        var article = await _store.GetAsync(outcome.ArticleId, CancellationToken.None);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.NotNull(article);
        Assert.Equal("朝鲜与俄罗斯", article.Title);
        Assert.Equal(parsed.Published, article.Published);
        Assert.Equal(TimeSpan.Zero, article.Published!.Value.Offset);
        Assert.Equal(["俄罗斯", "朝鲜"], article.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(["News"], article.Categories);
        Assert.Equal("kept", article.Extra["custom_key"]);
        Assert.Equal("2024/a.md", article.SourceFile);
        Assert.Equal(parsed.Source, article.Source);
        Assert.Equal(parsed.ContentHash, article.ContentHash);
        Assert.Equal(ArticleState.Published, article.State);
        Assert.Null(article.PublishedAt);
        Assert.Equal([(outcome.ArticleId, "朝鲜与俄罗斯")], _index.Indexed);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_IsUnchangedAndNotRewritten()
    {
        var parsed = TestArticles.Markdown("a.md", "Title");
        var first = await _store.ImportAsync(parsed, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var second = await _store.ImportAsync(parsed, CancellationToken.None);

        Assert.Equal(new ImportOutcome(first.ArticleId, ImportStatus.Unchanged), second);
        Assert.Single(_index.Indexed);
        Assert.Equal(_time.GetUtcNow().AddHours(-1).ToUnixTimeSeconds(), await ScalarAsync("SELECT modified_at FROM articles"));
    }

    [Fact]
    public async Task ImportAsync_ChangedFile_UpdatesInPlaceKeepingIdAndState()
    {
        var first = await _store.ImportAsync(TestArticles.Markdown("a.md", "Old title", tags: "[old]"), CancellationToken.None);
        await ExecuteAsync($"UPDATE articles SET state = 'retracted' WHERE id = {first.ArticleId}");

        var second = await _store.ImportAsync(TestArticles.Markdown("a.md", "New title", tags: "[new, 普京]"), CancellationToken.None);
        var article = await _store.GetAsync(first.ArticleId, CancellationToken.None);

        Assert.Equal(new ImportOutcome(first.ArticleId, ImportStatus.Updated), second);
        Assert.Equal("New title", article!.Title);
        Assert.Equal(["new", "普京"], article.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(ArticleState.Retracted, article.State);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal((first.ArticleId, "New title"), _index.Indexed[^1]);
    }

    [Fact]
    public async Task ImportManyAsync_OneArticleRefused_TheRestOfTheBatchIsStored()
    {
        _index.FailForTitle = "bad";
        var batch = new[] { TestArticles.Markdown("1.md", "one"), TestArticles.Markdown("2.md", "bad"), TestArticles.Markdown("3.md", "three") };

        var results = await _store.ImportManyAsync(batch, CancellationToken.None);

        Assert.Equal(ImportStatus.Imported, results[0].Outcome!.Status);
        Assert.Null(results[1].Outcome);
        Assert.Contains("index refused 'bad'", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Imported, results[2].Outcome!.Status);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM articles WHERE title = 'bad'"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM article_tags WHERE article_id NOT IN (SELECT id FROM articles)"));
    }

    [Fact]
    public async Task ImportAsync_IndexFails_NothingIsStored()
    {
        _index.FailForTitle = "bad";

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ImportAsync(TestArticles.Markdown("x.md", "bad"), CancellationToken.None));

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM article_tags"));
    }

    [Fact]
    public async Task LatestAsync_PublishedOnly_NewestFirst()
    {
        await _store.ImportAsync(TestArticles.Markdown("old.md", "old", date: "2018-01-01"), CancellationToken.None);
        await _store.ImportAsync(TestArticles.Markdown("new.md", "new", date: "2024-01-01"), CancellationToken.None);
        await _store.ImportAsync(TestArticles.Parse("undated.md", "---\ntitle: undated\n---\nx\n"), CancellationToken.None);
        await _store.CreateDraftAsync(TestArticles.Markdown("draft.md", "draft", date: "2025-01-01"), CancellationToken.None);

        var latest = await _store.LatestAsync(10, CancellationToken.None);

        Assert.Equal(["new", "old", "undated"], latest.Select(a => a.Title));
        Assert.Equal(["new"], (await _store.LatestAsync(1, CancellationToken.None)).Select(a => a.Title));
    }

    [Fact]
    public async Task TagsAsync_PublishedTagsCountedIgnoringCase()
    {
        await _store.ImportAsync(TestArticles.Markdown("1.md", "1", tags: "[MeToo, 朝鲜]"), CancellationToken.None);
        await _store.ImportAsync(TestArticles.Markdown("2.md", "2", tags: "[metoo]"), CancellationToken.None);
        await _store.CreateDraftAsync(TestArticles.Markdown("3.md", "3", tags: "[朝鲜]"), CancellationToken.None);

        var tags = await _store.TagsAsync(CancellationToken.None);

        Assert.Equal([new TagCount("MeToo", 2), new TagCount("朝鲜", 1)], tags);
    }

    [Fact]
    public async Task ListAsync_EveryStateById()
    {
        var published = await _store.ImportAsync(TestArticles.Markdown("1.md", "published"), CancellationToken.None);
        var draft = await _store.CreateDraftAsync(TestArticles.Markdown("2.md", "draft"), CancellationToken.None);

        var list = await _store.ListAsync(CancellationToken.None);

        Assert.Equal([published.ArticleId, draft.Id], list.Select(a => a.Id));
        Assert.Equal([ArticleState.Published, ArticleState.Draft], list.Select(a => a.State));
        Assert.Equal(["俄罗斯", "朝鲜"], list[0].Tags.Order(StringComparer.Ordinal));
        Assert.Equal("1.md", list[0].SourceFile);
    }

    [Fact]
    public async Task CreateDraftAsync_IsADraftAndIndexed()
    {
        var draft = await _store.CreateDraftAsync(TestArticles.Parse("post.md", "# 普京\n\n一条草稿"), CancellationToken.None);

        Assert.Equal(ArticleState.Draft, draft.State);
        Assert.Equal("普京", draft.Title);
        Assert.Contains((draft.Id, "普京"), _index.Indexed);
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsNull()
    {
        Assert.Null(await _store.GetAsync(12345, CancellationToken.None));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _database.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
