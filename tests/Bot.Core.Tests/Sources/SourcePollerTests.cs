using System.IO.Compression;
using Bot.Core.Articles;
using Bot.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Sources;

public sealed class SourcePollerTests : IAsyncLifetime
{
    private SourceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SourceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string Rss(params (string Guid, string Title, string Body)[] items) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://blog.example.org/</link>
        {string.Concat(items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>https://blog.example.org/{i.Guid}</link><description>{i.Body}</description></item>"))}
        </channel></rss>
        """;

    private long Deliveries() => _harness.ScalarAsync("SELECT count(*) FROM deliveries").GetAwaiter().GetResult();

    [Fact]
    public async Task FirstPoll_TakesBacklogWithoutPushing_LaterNewItemIsPushedOnce()
    {
        await _harness.SubscribeAsync();
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("a", "A", "one"), ("b", "B", "two")));
        var source = await _harness.AddFeedAsync("/feed.xml");

        var first = await _harness.PollAsync(source.Id);
        Assert.Equal((2, "ok"), (first.New, first.Status));
        Assert.Equal(0, Deliveries());
        Assert.Equal(2, await _harness.ScalarAsync("SELECT count(*) FROM articles WHERE state = 'published' AND source_id IS NOT NULL"));

        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("c", "C", "three"), ("a", "A", "one"), ("b", "B", "two")));
        var second = await _harness.PollAsync(source.Id);
        var third = await _harness.PollAsync(source.Id);

        Assert.Equal((1, 0, 2), (second.New, second.Updated, second.Unchanged));
        Assert.Equal((0, 0, 3), (third.New, third.Updated, third.Unchanged));
        Assert.Equal(1, Deliveries());
    }

    [Fact]
    public async Task ChangedItem_UpdatesTheSameArticleAndIsNotPushedAgain()
    {
        await _harness.SubscribeAsync();
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("a", "A", "one")));
        var source = await _harness.AddFeedAsync("/feed.xml");
        await _harness.PollAsync(source.Id);
        var id = await _harness.ScalarAsync("SELECT id FROM articles");

        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("a", "A", "one, corrected")));
        var result = await _harness.PollAsync(source.Id);

        Assert.Equal((0, 1), (result.New, result.Updated));
        var article = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Contains("corrected", article!.Body);
        Assert.Equal(source.Id, article.SourceId);
        Assert.Equal("https://blog.example.org/a", article.SourceUrl);
        Assert.Equal(1, await _harness.ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(0, Deliveries());
    }

    [Fact]
    public async Task ItemRemovedFromFeed_StaysInTheArchive()
    {
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("a", "A", "one"), ("b", "B", "two")));
        var source = await _harness.AddFeedAsync("/feed.xml");
        await _harness.PollAsync(source.Id);
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("b", "B", "two")));

        await _harness.PollAsync(source.Id);

        Assert.Equal(2, await _harness.ScalarAsync("SELECT count(*) FROM articles WHERE state = 'published'"));
    }

    [Fact]
    public async Task NotModified_SendsValidatorsAndStoresNothing()
    {
        _harness.Web.Map("/feed.xml", async http =>
        {
            if (http.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            http.Response.Headers.ETag = "\"v1\"";
            http.Response.Headers.LastModified = "Wed, 01 May 2024 12:00:00 GMT";
            await http.Response.WriteAsync(Rss(("a", "A", "one")));
        });
        var source = await _harness.AddFeedAsync("/feed.xml");
        await _harness.PollAsync(source.Id);

        var result = await _harness.PollAsync(source.Id);

        Assert.Equal("not_modified", result.Status);
        var request = _harness.Web.Requests[^1];
        Assert.Equal("\"v1\"", request.Header("If-None-Match"));
        Assert.Equal("Wed, 01 May 2024 12:00:00 GMT", request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task RetryAfterOn429_PushesTheNextPollBack()
    {
        _harness.Web.Map("/feed.xml", http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        var source = await _harness.AddFeedAsync("/feed.xml");

        var result = await _harness.PollAsync(source.Id);

        var after = (await _harness.Store.GetAsync(source.Id, CancellationToken.None))!;
        Assert.Equal("failed", result.Status);
        Assert.Contains("429", after.LastError);
        Assert.Equal(_harness.Time.GetUtcNow().AddHours(2), after.NextPollAt);
    }

    [Fact]
    public async Task RssTtlAndSkipHours_MoveTheNextPoll()
    {
        // The fake clock starts at 08:00 UTC; ttl 120 makes 10:00, which skipHours moves to 12:00.
        _harness.Web.Map("/feed.xml", "application/rss+xml",
            """<rss version="2.0"><channel><title>T</title><ttl>120</ttl><skipHours><hour>10</hour><hour>11</hour></skipHours><item><guid>a</guid><title>A</title></item></channel></rss>""");
        var source = await _harness.AddFeedAsync("/feed.xml");

        await _harness.PollAsync(source.Id);

        var after = (await _harness.Store.GetAsync(source.Id, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), after.NextPollAt);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("garbage")]
    [InlineData("html")]
    [InlineData("huge")]
    [InlineData("bomb")]
    [InlineData("many")]
    public async Task BadFeed_FailsWithClearErrorBacksOffAndPausesAfterTheLimitTellingAdminsOnce(string kind)
    {
        _harness.Web.Map("/bad", async http =>
        {
            switch (kind)
            {
                case "error":
                    http.Response.StatusCode = 500;
                    break;
                case "garbage":
                    await http.Response.WriteAsync("<rss><channel><item><title>broken");
                    break;
                case "html":
                    http.Response.ContentType = "text/html";
                    await http.Response.WriteAsync("<html><body>" + new string('x', 5000) + "</body></html>");
                    break;
                case "huge":
                    await http.Response.Body.WriteAsync(new byte[2_000_000]);
                    break;
                case "bomb":
                    using (var buffer = new MemoryStream())
                    {
                        await using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
                        {
                            await gzip.WriteAsync(new byte[50_000_000]);
                        }

                        http.Response.Headers.ContentEncoding = "gzip";
                        await http.Response.Body.WriteAsync(buffer.ToArray());
                    }

                    break;
                case "many":
                    await http.Response.WriteAsync("<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Range(0, 2500).Select(i => $"<item><guid>{i}</guid></item>")) + "</channel></rss>");
                    break;
            }
        });
        var good = await _harness.AddFeedAsync("/good");
        _harness.Web.Map("/good", "application/rss+xml", Rss(("a", "A", "one")));
        var source = await _harness.AddFeedAsync("/bad");

        var first = await _harness.PollAsync(source.Id);
        var afterFirst = (await _harness.Store.GetAsync(source.Id, CancellationToken.None))!;
        await _harness.PollAsync(source.Id);
        var third = await _harness.PollAsync(source.Id);
        var goodResult = await _harness.PollAsync(good.Id);

        Assert.Equal("failed", first.Status);
        Assert.False(string.IsNullOrWhiteSpace(first.Error));
        Assert.Equal(first.Error, afterFirst.LastError);
        Assert.Equal(_harness.Time.GetUtcNow().AddMinutes(30), afterFirst.NextPollAt);
        Assert.Equal("paused", third.Status);
        Assert.True((await _harness.Store.GetAsync(source.Id, CancellationToken.None))!.Paused);
        var notice = Assert.IsType<AdminNotice.SourcePaused>(Assert.Single(_harness.Notifier.Notices));
        Assert.Equal(source.Id, notice.SourceId);
        Assert.Empty(await _harness.Poller.PollDueAsync(force: true, CancellationToken.None) is var all && all.Any(r => r.Id == source.Id) ? ["polled while paused"] : Array.Empty<string>());
        Assert.Equal("ok", goodResult.Status);
    }

    [Fact]
    public async Task ReviewSource_KeepsNewItemsAsDraftsAndTellsAdmins()
    {
        await _harness.SubscribeAsync();
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("a", "A", "one")));
        var source = await _harness.AddFeedAsync("/feed.xml", review: true);
        await _harness.PollAsync(source.Id);
        _harness.Web.Map("/feed.xml", "application/rss+xml", Rss(("b", "B", "two"), ("a", "A", "one")));

        await _harness.PollAsync(source.Id);

        var draft = Assert.IsType<AdminNotice.DraftFromSource>(Assert.Single(_harness.Notifier.Notices));
        var article = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(draft.ArticleId, CancellationToken.None);
        Assert.Equal(ArticleState.Draft, article!.State);
        Assert.Equal(0, Deliveries());
    }

    [Fact]
    public async Task FullTextSource_FetchesTheItemsPage()
    {
        _harness.Web.Map("/summary.xml", "application/rss+xml", SourceFixtures.Text("summary-only.xml").Replace("{BASE}", _harness.Web.BaseUrl, StringComparison.Ordinal));
        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", SourceFixtures.Bytes("blog.html"));
        var source = await _harness.AddFeedAsync("/summary.xml", fullText: true);

        await _harness.PollAsync(source.Id);
        await _harness.PollAsync(source.Id);

        var id = await _harness.ScalarAsync("SELECT id FROM articles");
        var article = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Contains("This is the full text of the long story", article!.Body);
        Assert.Equal("Long story", article.Title);
        Assert.Equal(1, _harness.Web.RequestCount("/pages/blog.html"));
    }

    [Fact]
    public async Task FullTextSource_ChangedItem_UpdatesTheSameArticleFromItsPageAndIsNotPushedAgain()
    {
        var feed = SourceFixtures.Text("summary-only.xml").Replace("{BASE}", _harness.Web.BaseUrl, StringComparison.Ordinal);
        var page = SourceFixtures.Text("blog.html");
        _harness.Web.Map("/summary.xml", "application/rss+xml", feed);
        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", page);
        var source = await _harness.AddFeedAsync("/summary.xml", fullText: true);
        await _harness.PollAsync(source.Id);
        await _harness.SubscribeAsync();
        var id = await _harness.ScalarAsync("SELECT id FROM articles");

        _harness.Web.Map("/summary.xml", "application/rss+xml", feed.Replace("Just the start…", "Just the start, corrected…", StringComparison.Ordinal));
        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", page.Replace("the long story", "the corrected long story", StringComparison.Ordinal));
        var changed = await _harness.PollAsync(source.Id);
        var again = await _harness.PollAsync(source.Id);

        Assert.Equal((0, 1), (changed.New, changed.Updated));
        Assert.Equal((0, 0, 1), (again.New, again.Updated, again.Unchanged));
        var article = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Contains("This is the full text of the corrected long story", article!.Body);
        Assert.Equal(1, await _harness.ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(0, Deliveries());
        Assert.Equal(2, _harness.Web.RequestCount("/pages/blog.html")); // fetched when new and when the feed changed the item, not on the unchanged poll
    }

    [Fact]
    public async Task FullTextSource_APageThatFailed_IsTriedAgainOnTheNextPoll_AndUpdatesTheArticleInPlace()
    {
        _harness.Web.Map("/summary.xml", "application/rss+xml", SourceFixtures.Text("summary-only.xml").Replace("{BASE}", _harness.Web.BaseUrl, StringComparison.Ordinal));
        var source = await _harness.AddFeedAsync("/summary.xml", fullText: true);

        // The page is missing (404) at first: the item is stored with the feed's summary.
        var first = await _harness.PollAsync(source.Id);
        var id = await _harness.ScalarAsync("SELECT id FROM articles");
        var summary = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.DoesNotContain("This is the full text", summary!.Body, StringComparison.Ordinal);

        _harness.Web.Map("/pages/blog.html", "text/html; charset=utf-8", SourceFixtures.Bytes("blog.html"));
        var second = await _harness.PollAsync(source.Id);
        var third = await _harness.PollAsync(source.Id);

        Assert.Equal(1, first.New);
        Assert.Equal((0, 1), (second.New, second.Updated));
        Assert.Equal((0, 0, 1), (third.New, third.Updated, third.Unchanged));
        var full = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Contains("This is the full text of the long story", full!.Body, StringComparison.Ordinal);
        Assert.Equal(1, await _harness.ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(2, _harness.Web.RequestCount("/pages/blog.html"));
    }

    [Fact]
    public async Task GbkFeed_IsStoredAsChineseText()
    {
        _harness.Web.Map("/gbk.xml", "application/xml", SourceFixtures.Bytes("gbk.xml"));
        var source = await _harness.AddFeedAsync("/gbk.xml");

        var result = await _harness.PollAsync(source.Id);

        Assert.Equal(1, result.New);
        var article = await _harness.Services.GetRequiredService<IArticleStore>().GetAsync(await _harness.ScalarAsync("SELECT id FROM articles"), CancellationToken.None);
        Assert.Equal("女性与写作", article!.Title);
        Assert.Equal(["写作"], article.Tags);
    }

    [Fact]
    public async Task FolderSource_NewFileIsPushedAndChangedFileUpdatesInPlace()
    {
        await _harness.SubscribeAsync();
        var folder = Path.Combine(_harness.Database.Folder, "_posts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "2024-01-01-old.md"), "---\ntitle: Old\n---\nOld text.");
        var (source, error) = await _harness.Services.GetRequiredService<SourceManager>().AddAsync(folder, "1h", false, false, ["blog"], CancellationToken.None);
        Assert.Null(error);
        Assert.Equal(SourceKind.Folder, source!.Kind);

        var first = await _harness.PollAsync(source.Id);
        await File.WriteAllTextAsync(Path.Combine(folder, "2024-02-01-new.md"), "---\ntitle: New\n---\nNew text.");
        await File.WriteAllTextAsync(Path.Combine(folder, "2024-01-01-old.md"), "---\ntitle: Old\n---\nOld text, edited.");
        var second = await _harness.PollAsync(source.Id);

        Assert.Equal(1, first.New);
        Assert.Equal((1, 1, 0), (second.New, second.Updated, second.Unchanged));
        Assert.Equal(1, Deliveries());
        Assert.Equal(2, await _harness.ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(2, await _harness.ScalarAsync("SELECT count(*) FROM article_tags WHERE value = 'blog'"));
    }

    [Theory]
    [InlineData("ftp://example.org/feed", "not an http or https URL")]
    [InlineData("/no/such/folder/anywhere", "neither")]
    public async Task Add_BadTarget_IsRefusedClearly(string target, string expected)
    {
        var (source, error) = await _harness.Services.GetRequiredService<SourceManager>().AddAsync(target, null, false, false, [], CancellationToken.None);

        Assert.Null(source);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Add_TooFrequentOrDuplicate_IsRefused()
    {
        var manager = _harness.Services.GetRequiredService<SourceManager>();
        var (_, tooOften) = await manager.AddAsync(_harness.Web.Url("/f").AbsoluteUri, "5s", false, false, [], CancellationToken.None);
        await _harness.AddFeedAsync("/f");
        var (_, duplicate) = await manager.AddAsync(_harness.Web.Url("/f").AbsoluteUri, "1h", false, false, [], CancellationToken.None);

        Assert.Contains("Sources:MinEverySeconds", tooOften);
        Assert.Contains("already a source", duplicate);
    }
}
