using Bot.Core.Delivery;
using Bot.Core.Publishing;
using Bot.Core.Search;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Bot.Core.Tests.Articles;
using Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Search;

/// <summary>The index follows the archive through the real writers: import updates, publishing, a format upgrade.</summary>
public sealed class SearchIndexLifecycleTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new();
    private readonly SqliteArticleIndex _index = new();
    private TempDatabase _database = null!;
    private SqliteArticleStore _store = null!;
    private SqliteSearchService _search = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _store = new SqliteArticleStore(_database.Database, _index, _time, NullLogger<SqliteArticleStore>.Instance);
        _search = new SqliteSearchService(_database.Database, Options.Create(new SearchOptions()), NullLogger<SqliteSearchService>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ImportUpdate_ChangesWhatTheTagAndDateFiltersFind()
    {
        await _store.ImportAsync(TestArticles.Markdown("a.md", "一", date: "2024-06-26T12:00:00Z", tags: "[朝鲜]"), None);

        await _store.ImportAsync(TestArticles.Markdown("a.md", "一", date: "2025-01-02T12:00:00Z", tags: "[越南]"), None);

        Assert.Equal(0, await TotalAsync("普京 tag:朝鲜"));
        Assert.Equal(0, await TotalAsync("普京 until:2024-12-31"));
        Assert.Equal(1, await TotalAsync("普京 tag:越南 since:2025-01-02"));
    }

    [Fact]
    public async Task Publish_UndatedDraft_IsFoundByTheDayItWasPublished()
    {
        var today = _time.GetUtcNow().UtcDateTime.Date;
        var draft = await _store.CreateDraftAsync(TestArticles.Markdown("draft.md", "草稿") with { Published = null, SourceFile = null }, None);
        var publishing = new SqlitePublishingService(
            _database.Database, new DeliverySignal(), new ArticleCache(_store), _index, _time, NullLogger<SqlitePublishingService>.Instance);
        Assert.Equal(0, await TotalAsync("普京"));

        Assert.Equal(PublishStatus.Published, (await publishing.PublishNowAsync(draft.Id, None)).Status);

        Assert.Equal(1, await TotalAsync($"普京 since:{today:yyyy-MM-dd} until:{today:yyyy-MM-dd}"));
        Assert.Equal(0, await TotalAsync($"普京 since:{today.AddDays(1):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task Retract_HidesTheArticleFromSearchAndItsTotal()
    {
        var kept = await _store.ImportAsync(TestArticles.Markdown("a.md", "一"), None);
        var retracted = await _store.ImportAsync(TestArticles.Markdown("b.md", "二"), None);
        var publishing = new SqlitePublishingService(
            _database.Database, new DeliverySignal(), new ArticleCache(_store), _index, _time, NullLogger<SqlitePublishingService>.Instance);

        await publishing.RetractAsync(retracted.ArticleId, None);
        var result = await _search.SearchAsync(new SearchRequest("普京"), None);

        Assert.Equal(1, result.Total);
        Assert.Equal([kept.ArticleId], result.Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task Rebuilder_OlderFormat_IsRebuiltAndFoundAgain()
    {
        await _store.ImportAsync(TestArticles.Markdown("a.md", "一", date: "2024-06-26T12:00:00Z", body: "他说2018年是关键的一年"), None);
        var rebuilder = new SearchIndexRebuilder(_database.Database, _index, new SqliteBotStateStore(_database.Database), NullLogger<SearchIndexRebuilder>.Instance);
        Assert.True(await rebuilder.IsCurrentAsync(None));

        // What migration 11 leaves behind in an archive written by an older version: an empty index, no format.
        await ExecuteAsync("DELETE FROM article_fts; DELETE FROM bot_state WHERE key = 'search.index_format';");
        Assert.False(await rebuilder.IsCurrentAsync(None));
        Assert.Equal(0, await TotalAsync("2018年"));

        await rebuilder.EnsureCurrentAsync(None);

        Assert.True(await rebuilder.IsCurrentAsync(None));
        Assert.Equal(1, await TotalAsync("2018年 since:2024-06-26"));
    }

    [Fact]
    public async Task ImportMany_BatchIndexedAfterItsRows_IsSearchableInBothForms()
    {
        var batch = new[]
        {
            TestArticles.Markdown("a.md", "一", body: "大學生們"),
            TestArticles.Markdown("b.md", "二", body: "学生会"),
            TestArticles.Markdown("c.md", "三", body: "别的"),
        };

        var results = await _store.ImportManyAsync(batch, None);
        var again = await _store.ImportManyAsync([TestArticles.Markdown("a.md", "一", body: "老师们")], None);

        Assert.All(results, r => Assert.Equal(Bot.Core.Articles.ImportStatus.Imported, r.Outcome!.Status));
        Assert.Equal(Bot.Core.Articles.ImportStatus.Updated, again[0].Outcome!.Status);
        Assert.Equal(1, await TotalAsync("學生"));
        Assert.Equal(0, await TotalAsync("學生們"));
        Assert.Equal(1, await TotalAsync("老師"));
        Assert.Equal(1, await TotalAsync("别的"));
    }

    [Fact]
    public async Task Rebuilder_EmptyArchive_IsCurrentWithoutWork()
    {
        var rebuilder = new SearchIndexRebuilder(_database.Database, _index, new SqliteBotStateStore(_database.Database), NullLogger<SearchIndexRebuilder>.Instance);

        Assert.True(await rebuilder.IsCurrentAsync(None));
        Assert.Equal(0, await rebuilder.RebuildAsync(null, None));
    }

    private async Task<int> TotalAsync(string query)
    {
        var result = await _search.SearchAsync(new SearchRequest(query), None);
        Assert.Null(result.Error);
        return result.Total;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _database.Database.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
