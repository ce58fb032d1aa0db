using Bot.Core.Search;

namespace Bot.Core.Tests.Search;

public sealed class RankWindowTests
{
    [Fact]
    public async Task Search_MoreHitsThanWindow_RanksNewestHitsAndCountsAll()
    {
        await using var archive = await SearchArchive.CreateAsync(rankWindow: 2);
        var best = await archive.AddAsync(new("普京", "普京"));
        var ids = await archive.AddAllAsync(Enumerable.Range(0, 4).Select(i => new TestArticle($"第{i}篇", "今天的新闻提到了普京和别的很多事情。")));

        var result = await archive.Search.SearchAsync(new SearchRequest("普京", 2), CancellationToken.None);

        Assert.Equal(5, result.Total);
        Assert.DoesNotContain(best, result.Hits.Select(h => h.ArticleId));
        Assert.Equal(ids.TakeLast(2).ToHashSet(), result.Hits.Select(h => h.ArticleId).ToHashSet());
    }

    [Fact]
    public async Task Search_WindowZero_RanksEveryHit()
    {
        await using var archive = await SearchArchive.CreateAsync(rankWindow: 0);
        var best = await archive.AddAsync(new("普京", "普京"));
        await archive.AddAllAsync(Enumerable.Range(0, 4).Select(i => new TestArticle($"第{i}篇", "今天的新闻提到了普京和别的很多事情。")));

        var result = await archive.Search.SearchAsync(new SearchRequest("普京", 2), CancellationToken.None);

        Assert.Equal(best, result.Hits[0].ArticleId);
    }

    [Fact]
    public async Task Search_PagesInsideWindow_AreDisjointAndCoverTheNewestHits()
    {
        await using var archive = await SearchArchive.CreateAsync(rankWindow: 4);
        var ids = await archive.AddAllAsync(Enumerable.Range(0, 9).Select(i => new TestArticle($"第{i}篇", i % 2 == 0 ? "普京" : "普京 普京")));
        await archive.AddAsync(new("草稿", "普京", State: "draft"));

        var first = await archive.Search.SearchAsync(new SearchRequest("普京", 2, 0), CancellationToken.None);
        var second = await archive.Search.SearchAsync(new SearchRequest("普京", 2, 2), CancellationToken.None);

        Assert.Equal(9, second.Total);
        Assert.Equal(ids.TakeLast(4).ToHashSet(), first.Hits.Concat(second.Hits).Select(h => h.ArticleId).ToHashSet());
    }

    [Fact]
    public async Task Search_PagingAcrossWindows_ReturnsEveryHitOnce()
    {
        await using var archive = await SearchArchive.CreateAsync(rankWindow: 7);
        var ids = await archive.AddAllAsync(Enumerable.Range(0, 23).Select(i => new TestArticle($"第{i}篇", i % 3 == 0 ? "普京" : "普京 普京")));
        await archive.AddAsync(new("撤回", "普京", State: "retracted"));

        var seen = new List<long>();
        for (var offset = 0; offset < 30; offset += 5)
        {
            var page = await archive.Search.SearchAsync(new SearchRequest("普京", 5, offset), CancellationToken.None);
            Assert.Equal(23, page.Total);
            seen.AddRange(page.Hits.Select(h => h.ArticleId));
        }

        Assert.Equal(23, seen.Count);
        Assert.Equal(ids.ToHashSet(), seen.ToHashSet());
    }
}
