using Bot.Core.Articles;
using Bot.Core.Fetching;
using Bot.Core.Media;
using Bot.Core.Storage.Articles;
using Bot.Core.Storage.Media;
using Bot.Core.Tests.Articles;
using Bot.Testing;
using Bot.Testing.Media;
using Bot.Testing.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Media;

/// <summary>The archiver through the real safe fetch client against image servers on loopback.</summary>
public sealed class MediaLoopbackTests : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new();
    private LoopbackWebServer _server = null!;
    private TempDatabase _database = null!;
    private SqliteArticleStore _store = null!;
    private MediaFiles _files = null!;
    private SafeFetcher _fetcher = null!;
    private MediaArchiver _archiver = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackWebServer.StartAsync();
        _database = await TempDatabase.CreateAsync();
        _store = new SqliteArticleStore(_database.Database, new RecordingArticleIndex(), _time, NullLogger<SqliteArticleStore>.Instance);
        _files = new MediaFiles(Path.Combine(_database.Folder, "media"));
        _fetcher = new SafeFetcher(Options.Create(new FetchOptions { AllowPrivateAddresses = true, TimeoutSeconds = 20 }), _time, NullLogger<SafeFetcher>.Instance);
        _archiver = new MediaArchiver(
            new SqliteMediaCatalog(_database.Database, _time),
            _files,
            new SafeMediaFetcher(_fetcher),
            Options.Create(new MediaOptions()),
            _time,
            NullLogger<MediaArchiver>.Instance);
    }

    public void Dispose() => _fetcher.Dispose();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Archive_EachFormat_IsStoredWithItsSniffedTypeWhateverTheServerSays()
    {
        _server.Map("/a.png", "image/png", TestImages.Png(30, 20));
        _server.Map("/b.jpg", "image/jpeg", TestImages.Jpeg(64, 48));
        _server.Map("/c.gif", "application/octet-stream", TestImages.Gif(10, 11));
        _server.Map("/d", "text/plain", TestImages.WebP(7, 9));

        var images = await ArchiveAsync("![a](/a.png) ![b](/b.jpg) ![c](/c.gif) ![d](/d)");

        Assert.Equal(
            [("image/png", 30, 20), ("image/jpeg", 64, 48), ("image/gif", 10, 11), ("image/webp", 7, 9)],
            images.Select(i => (i.Stored!.ContentType, i.Stored.Width, i.Stored.Height)));
        Assert.Equal(4, _files.List().Count());
        Assert.All(_server.Requests, r => Assert.Null(r.Header("Referer")));
    }

    [Fact]
    public async Task Archive_BrokenImages_FailAloneWithTheirReasons()
    {
        _server.Map("/ok.png", "image/png", TestImages.Png(2, 2));
        _server.Map("/html.png", "image/png", TestImages.HtmlPage);
        _server.Map("/huge.png", "image/png", [.. TestImages.Png(2, 2), .. new byte[12 * 1024 * 1024]]);

        var images = await ArchiveAsync("![](/html.png) ![](/huge.png) ![](/missing.png) ![](/ok.png)");

        Assert.Equal("not a PNG, JPEG, GIF or WebP image", images[0].Error);
        Assert.Equal($"larger than {10 * 1024 * 1024} bytes (Media:MaxBytes)", images[1].Error);
        Assert.Equal("HTTP 404", images[2].Error);
        Assert.True(images[3].IsStored);
        Assert.Single(_files.List());
    }

    [Fact]
    public async Task Archive_SlowServer_FailsAtTheFetchTimeout_WhileTheOtherImagesAreStored()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Map("/slow.png", async http =>
        {
            reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        });
        _server.Map("/fast.png", "image/png", TestImages.Png(3, 3));
        var id = await ImportAsync("![](/slow.png) ![](/fast.png)");

        var archiving = _archiver.ArchiveAsync([MediaSource.Of((await _store.GetAsync(id, None))!)], None);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The fast image is stored before the clock moves: both fetches' time limits run on the same
        // clock, and moving it while the fast answer is still on its way would time out both.
        var stored = Task.Run(async () =>
        {
            while (!_files.List().Any())
            {
                await Task.Yield();
            }
        });
        await stored.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(archiving.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(new MediaArchiveSummary(1, 1), await archiving.WaitAsync(TimeSpan.FromSeconds(10)));
        var images = (await _store.GetAsync(id, None))!.Images;
        Assert.Contains("did not answer within 20 s", images[0].Error, StringComparison.Ordinal);
        Assert.True(images[1].IsStored);
    }

    [Fact]
    public async Task Archive_RedirectChain_StoresTheFinalImageUnderTheArticlesUrl()
    {
        Redirect("/r1", "/r2");
        Redirect("/r2", $"{_server.BaseUrl}/r3");
        Redirect("/r3", "/final.jpg");
        _server.Map("/final.jpg", "image/jpeg", TestImages.Jpeg(8, 8));

        var images = await ArchiveAsync("![跳转](/r1)");

        Assert.Equal(_server.Url("/r1").AbsoluteUri, images.Single().Url);
        Assert.Equal("image/jpeg", images.Single().Stored!.ContentType);
        Assert.Equal(4, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Null(r.Header("Referer")));
    }

    [Fact]
    public async Task Archive_SameImageUnderTwoUrls_OneFileAndBothFetchedOnceEach()
    {
        var png = TestImages.Png(12, 12);
        _server.Map("/one.png", "image/png", png);
        _server.Map("/two.png", "image/png", png);

        var images = await ArchiveAsync("![](/one.png) ![](/two.png) ![](/one.png)");
        await ArchiveAsync("![再来](/two.png)");

        Assert.Equal(2, images.Count);
        Assert.Equal(images[0].Stored!.Sha256, images[1].Stored!.Sha256);
        Assert.Equal([(MediaFiles.Hash(png), (long)png.Length)], _files.List());
        Assert.Equal((1, 1), (_server.RequestCount("/one.png"), _server.RequestCount("/two.png")));
    }

    private void Redirect(string from, string to) => _server.Map(from, http =>
    {
        http.Response.StatusCode = StatusCodes.Status302Found;
        http.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    private async Task<IReadOnlyList<ArticleImage>> ArchiveAsync(string body)
    {
        var id = await ImportAsync(body);
        await _archiver.ArchiveAsync([MediaSource.Of((await _store.GetAsync(id, None))!)], None);
        return (await _store.GetAsync(id, None))!.Images;
    }

    private async Task<long> ImportAsync(string body)
    {
        // Relative image paths resolve against the article's source_url: the loopback server.
        var parsed = TestArticles.Markdown($"{Guid.NewGuid():N}.md", "图文", body: body) with { SourceUrl = _server.Url("/post/1").AbsoluteUri };
        return (await _store.ImportAsync(parsed, None)).ArticleId;
    }
}
