using Bot.Core.Articles;
using Bot.Core.Importing;
using Bot.Core.Media;
using Bot.Core.Parsing;
using Bot.Core.Storage.Articles;
using Bot.Core.Storage.Media;
using Bot.Core.Tests.Articles;
using Bot.Testing;
using Bot.Testing.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Media;

/// <summary>The archiver over a real SQLite file and media folder, with a table-driven fetcher (the loopback tests cover HTTP).</summary>
public sealed class MediaArchiverTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeMediaFetcher _fetcher = new();
    private readonly FakeTimeProvider _time = new();
    private TempDatabase _database = null!;
    private SqliteArticleStore _store = null!;
    private SqliteMediaCatalog _catalog = null!;
    private MediaFiles _files = null!;
    private MediaArchiver _archiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _store = new SqliteArticleStore(_database.Database, new RecordingArticleIndex(), _time, NullLogger<SqliteArticleStore>.Instance);
        _catalog = new SqliteMediaCatalog(_database.Database, _time);
        _files = new MediaFiles(Path.Combine(_database.Folder, "media"));
        _archiver = Archiver(new MediaOptions());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Archive_StoresEachImageByContent_AndTheArticleReadsThemInOrder()
    {
        var png = TestImages.Png(40, 30);
        _fetcher.Serve("https://img.example/a.png", png);
        _fetcher.Serve("https://img.example/b.webp", TestImages.WebP(8, 6));
        var id = await ImportAsync("a.md", "![甲](https://img.example/a.png)\n\n正文\n\n![乙](https://img.example/b.webp)");

        var summary = await _archiver.ArchiveAsync([await SourceAsync(id)], None);

        Assert.Equal(new MediaArchiveSummary(2, 0), summary);
        var article = (await _store.GetAsync(id, None))!;
        Assert.Equal(["甲", "乙"], article.Images.Select(i => i.Alt));
        var lead = article.LeadImage!.Stored!;
        Assert.Equal((MediaFiles.Hash(png), png.Length, "image/png", 40, 30), (lead.Sha256, lead.Bytes, lead.ContentType, lead.Width, lead.Height));
        Assert.Equal(png, await File.ReadAllBytesAsync(_files.PathOf(lead.Sha256)));
        Assert.Equal("image/webp", article.Images[1].Stored!.ContentType);
    }

    [Fact]
    public async Task Archive_SameBytesUnderTwoUrls_StoredOnce()
    {
        var png = TestImages.Png(5, 5);
        _fetcher.Serve("https://one.example/x.png", png);
        _fetcher.Serve("https://two.example/y.png", png);
        var id = await ImportAsync("a.md", "![](https://one.example/x.png) ![](https://two.example/y.png)");

        await _archiver.ArchiveAsync([await SourceAsync(id)], None);

        var images = (await _store.GetAsync(id, None))!.Images;
        Assert.Equal(2, images.Count);
        Assert.Equal(images[0].Stored!.Sha256, images[1].Stored!.Sha256);
        Assert.Single(_files.List());
        Assert.Single(await _catalog.ListAsync(None));
    }

    [Fact]
    public async Task Archive_UrlStoredForAnotherArticle_IsNotFetchedAgain()
    {
        _fetcher.Serve("https://img.example/shared.png", TestImages.Png(3, 3));
        var first = await ImportAsync("a.md", "![](https://img.example/shared.png)");
        var second = await ImportAsync("b.md", "![again](https://img.example/shared.png)");

        await _archiver.ArchiveAsync([await SourceAsync(first)], None);
        await _archiver.ArchiveAsync([await SourceAsync(second)], None);
        await _archiver.ArchiveAsync([await SourceAsync(first), await SourceAsync(second)], None);

        Assert.Equal(1, _fetcher.Calls("https://img.example/shared.png"));
        Assert.True((await _store.GetAsync(second, None))!.Images.Single().IsStored);
    }

    [Fact]
    public async Task Archive_FailedImages_KeepTheirReason_AndRetryStoresThemLater()
    {
        _fetcher.Serve("https://img.example/html.png", TestImages.HtmlPage);
        _fetcher.Fail("https://img.example/gone.png", "HTTP 404");
        var id = await ImportAsync("a.md", "![](https://img.example/html.png) ![](https://img.example/gone.png)");

        var first = await _archiver.ArchiveAsync([await SourceAsync(id)], None);

        Assert.Equal(new MediaArchiveSummary(0, 2), first);
        var images = (await _store.GetAsync(id, None))!.Images;
        Assert.Equal(["not a PNG, JPEG, GIF or WebP image", "HTTP 404"], images.Select(i => i.Error));
        Assert.Null((await _store.GetAsync(id, None))!.LeadImage);
        Assert.Empty(_files.List());

        _fetcher.Serve("https://img.example/gone.png", TestImages.Gif(2, 2));
        var retried = await _archiver.RetryAsync(None);

        Assert.Equal(new MediaArchiveSummary(1, 1), retried);
        var after = (await _store.GetAsync(id, None))!.Images;
        Assert.Equal([false, true], after.Select(i => i.IsStored));
        Assert.Null(after[1].Error);
        Assert.Equal("https://img.example/gone.png", (await _store.GetAsync(id, None))!.LeadImage!.Url);
    }

    [Fact]
    public async Task Archive_BodyOverMaxBytes_IsRefused()
    {
        var archiver = Archiver(new MediaOptions { MaxBytes = 2048 });
        _fetcher.Serve("https://img.example/big.png", [.. TestImages.Png(1, 1), .. new byte[4096]]);
        var id = await ImportAsync("a.md", "![](https://img.example/big.png)");

        await archiver.ArchiveAsync([await SourceAsync(id)], None);

        Assert.Contains("Media:MaxBytes", (await _store.GetAsync(id, None))!.Images.Single().Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_EditedArticle_KeepsStoredImagesAndDropsRemovedOnes()
    {
        _fetcher.Serve("https://img.example/keep.png", TestImages.Png(2, 2));
        _fetcher.Serve("https://img.example/new.png", TestImages.Png(3, 3));
        var id = await ImportAsync("a.md", "![](https://img.example/keep.png) ![](https://img.example/old.png)");
        await _archiver.ArchiveAsync([await SourceAsync(id)], None);

        await _store.ImportAsync(TestArticles.Markdown("a.md", "标题", body: "![](https://img.example/new.png) ![](https://img.example/keep.png)"), None);
        await _archiver.ArchiveAsync([await SourceAsync(id)], None);

        var images = (await _store.GetAsync(id, None))!.Images;
        Assert.Equal(["https://img.example/new.png", "https://img.example/keep.png"], images.Select(i => i.Url));
        Assert.All(images, i => Assert.True(i.IsStored));
        Assert.Equal(1, _fetcher.Calls("https://img.example/keep.png"));
    }

    [Fact]
    public async Task Prune_RemovesOnlyImagesNoArticleUses()
    {
        _fetcher.Serve("https://img.example/kept.png", TestImages.Png(2, 2));
        _fetcher.Serve("https://img.example/dropped.png", TestImages.Png(4, 4));
        var id = await ImportAsync("a.md", "![](https://img.example/kept.png) ![](https://img.example/dropped.png)");
        await _archiver.ArchiveAsync([await SourceAsync(id)], None);
        await _store.ImportAsync(TestArticles.Markdown("a.md", "标题", body: "![](https://img.example/kept.png)"), None);
        await _archiver.ArchiveAsync([await SourceAsync(id)], None);
        Assert.Equal(2, _files.List().Count());

        var pruned = await new MediaPruner(_catalog, _files, _time).PruneAsync(None);

        Assert.Equal([MediaFiles.Hash(TestImages.Png(4, 4))], pruned.Removed.Select(i => i.Sha256));
        Assert.Equal([MediaFiles.Hash(TestImages.Png(2, 2))], _files.List().Select(f => f.Sha256));
    }

    [Fact]
    public async Task Importer_ArticleWithUnreachableImages_IsImportedAndItsImagesRecorded()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_database.Folder, "archive")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.md"), "---\ntitle: 图文\n---\n\n![](https://img.example/ok.jpg)\n\n![](https://img.example/dead.jpg)\n");
        _fetcher.Serve("https://img.example/ok.jpg", TestImages.Jpeg(16, 16));
        var options = new ImportOptions();
        var importer = new ArticleImporter(new ArticleParser(options), _store, Options.Create(options), NullLogger<ArticleImporter>.Instance, _archiver);

        var summary = await importer.ImportAsync([folder], null, None);

        Assert.Equal((1, 1, 1), (summary.Imported, summary.ImagesStored, summary.ImagesFailed));
        var article = (await _store.LatestAsync(1, None)).Single();
        Assert.Equal([null, "HTTP 404"], article.Images.Select(i => i.Error));
    }

    private MediaArchiver Archiver(MediaOptions options) =>
        new(_catalog, _files, _fetcher, Options.Create(options), _time, NullLogger<MediaArchiver>.Instance);

    private async Task<long> ImportAsync(string file, string body) =>
        (await _store.ImportAsync(TestArticles.Markdown(file, "标题", body: body), None)).ArticleId;

    private async Task<MediaSource> SourceAsync(long id) => MediaSource.Of((await _store.GetAsync(id, None))!);
}
