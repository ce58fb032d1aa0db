using Bot.Testing;

namespace Bot.Core.Tests.Search;

/// <summary>The shared corpus indexed once for all brute-force comparisons (nothing when ../shared is absent).</summary>
public class CorpusFixture : IAsyncLifetime
{
    internal SearchArchive Archive { get; private set; } = null!;

    internal BruteForce Reference { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!SharedData.Available)
        {
            return;
        }

        var articles = CorpusLoader.Load().Select(Prepare).ToList();
        Archive = await SearchArchive.CreateAsync();
        var ids = await Archive.AddAllAsync(articles);
        Reference = new BruteForce(ids, articles);
    }

    /// <summary>What is stored of each corpus article: as written here, converted in a derived fixture.</summary>
    private protected virtual TestArticle Prepare(TestArticle article) => article;

    public async Task DisposeAsync()
    {
        if (Archive is not null)
        {
            await Archive.DisposeAsync();
        }
    }
}
