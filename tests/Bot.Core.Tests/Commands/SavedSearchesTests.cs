using Bot.Core.Storage;
using Bot.Testing;

namespace Bot.Core.Tests.Commands;

/// <summary>The short ids that search paging buttons carry, on a real database and the fake clock.</summary>
public sealed class SavedSearchesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Save_TheSameQuery_KeepsItsId_AndFindGivesItBack()
    {
        await using var db = await TempDatabase.CreateAsync();
        var searches = new SqliteSavedSearches(db.Database, new FakeTimeProvider());

        var first = await searches.SaveAsync("朝鲜 tag:国际", None);
        var again = await searches.SaveAsync("朝鲜 tag:国际", None);
        var other = await searches.SaveAsync("普京", None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal("朝鲜 tag:国际", await searches.FindAsync(first, None));
        Assert.Null(await searches.FindAsync(other + 1000, None));
    }

    [Fact]
    public async Task AQueryUnusedForTheLifetime_IsForgotten_AndSweptOnALaterSave()
    {
        await using var db = await TempDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        var searches = new SqliteSavedSearches(db.Database, clock);
        var old = await searches.SaveAsync("旧的", None);
        var kept = await searches.SaveAsync("常用", None);

        clock.Advance(SqliteSavedSearches.Lifetime - TimeSpan.FromDays(1));
        Assert.Equal(kept, await searches.SaveAsync("常用", None));
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await searches.FindAsync(old, None));
        Assert.Equal("常用", await searches.FindAsync(kept, None));
        await searches.SaveAsync("新的", None);
        await using var connection = await db.Database.OpenAsync(None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM saved_searches WHERE query = '旧的'";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(None))!);
    }
}
