using Bot.Core.Chat;
using Bot.Core.Sources;
using Bot.Core.Subscriptions;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;
using Bot.Testing.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Telegram.Tests.Hosting;

/// <summary>
/// A feed on a loopback server, the real bot (Core + Telegram + SQLite) on a fake clock, and a subscriber
/// on the Telegram fake: what the Quartz job polls reaches the subscriber once, even across a restart.
/// </summary>
public sealed class SourcesEndToEndTests : IAsyncLifetime
{
    private const long Reader = 2001;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new();
    private FakeTelegramServer _fake = null!;
    private TempDatabase _database = null!;
    private LoopbackWebServer _web = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(time: _clock); // its per-chat limits run on the bot's clock
        _fake.AddChat(Reader, "private");
        _database = await TempDatabase.CreateAsync();
        _web = await LoopbackWebServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _fake.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FeedGainsAnItem_TheQuartzJobPollsIt_TheSubscriberGetsItOnce()
    {
        await using var bot = await StartBotAsync();
        await SubscribeReaderAsync(bot);
        ServeFeed(("old-1", "Old one"), ("old-2", "Old two"));
        var source = await AddSourceAsync(bot);

        await RunSourcesJobAsync(bot, source.Id);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM articles WHERE source_id IS NOT NULL"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM deliveries"));

        ServeFeed(("new-3", "Fresh news"), ("old-1", "Old one"), ("old-2", "Old two"));
        _clock.Advance(TimeSpan.FromMinutes(31));
        await RunSourcesJobAsync(bot, source.Id);
        var delivered = Assert.Single(await _fake.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Contains("Fresh news", delivered.VisibleText, StringComparison.Ordinal);
        await WaitForOutboxEmptyAsync(); // the clock moves only once no request is in flight (its timeout runs on it)

        // The next poll finds the same feed: nothing new, nothing sent again.
        _clock.Advance(TimeSpan.FromMinutes(31));
        await RunSourcesJobAsync(bot, source.Id);
        await WaitForOutboxEmptyAsync();
        Assert.Single(_fake.Messages, m => m.ChatId == Reader);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM deliveries"));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM articles"));
    }

    /// <param name="crashAt">
    /// "stored": right after the items' transaction committed (drafts, nothing published);
    /// "published": after they were published with their fan-out, before anything was delivered.
    /// </param>
    [Theory]
    [InlineData("stored")]
    [InlineData("published")]
    public async Task BotDiesMidPoll_TheNextBotNeitherStoresNorSendsAnythingTwice(string crashAt)
    {
        var crashing = new CrashingSourceStore();
        long sourceId;
        await using (var first = await StartBotAsync(services => services.AddSingleton<ISourceStore>(sp => crashing.Wrap(ActivatorUtilities.CreateInstance<SqliteSourceStore>(sp)))))
        {
            await SubscribeReaderAsync(first);
            ServeFeed(("old-1", "Old one"));
            sourceId = (await AddSourceAsync(first)).Id;
            await RunSourcesJobAsync(first, sourceId);

            // The process "dies" at the crash point: nothing of the poll after it is saved. With deliveries
            // written, the reader's chat answers 429 so nothing goes out before the stop.
            ServeFeed(("new-2", "Fresh news"), ("new-3", "More news"), ("old-1", "Old one"));
            _fake.Script(Reader, new FakeFailure.TooManyRequests(60));
            crashing.CrashAt = crashAt;
            _clock.Advance(TimeSpan.FromMinutes(31));
            await TriggerAsync(first);
            await crashing.Crashed.WaitAsync(TimeSpan.FromSeconds(30));
            if (crashAt == "published")
            {
                await WaitUntilAsync("SELECT (SELECT count(*) FROM deliveries WHERE last_error = 'rate limited') > 0 AND (SELECT count(*) FROM deliveries WHERE lease_owner IS NOT NULL) = 0", 1);
            }

            await first.StopAsync();
        }

        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(crashAt == "stored" ? 0L : 2L, await ScalarAsync("SELECT count(*) FROM deliveries"));

        await using var second = await StartBotAsync();
        // The source is still due (the crashed poll saved no next time): the new bot polls it again.
        await RunSourcesJobAsync(second, sourceId);
        var delivered = await WaitWithClockAsync(m => m.ChatId == Reader, count: 2); // past the 429's retry_after too
        await WaitForOutboxEmptyAsync();

        Assert.Equal(2, _fake.Messages.Count(m => m.ChatId == Reader));
        Assert.Contains(delivered, m => m.VisibleText.Contains("Fresh news", StringComparison.Ordinal));
        Assert.Contains(delivered, m => m.VisibleText.Contains("More news", StringComparison.Ordinal));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM articles WHERE state = 'published'"));
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM deliveries"));
        Assert.Equal("ok", await StringAsync($"SELECT last_status FROM sources WHERE id = {sourceId}"));
    }

    [Fact]
    public async Task BotStopsWhileTheFeedIsStillDownloading_TheNextBotStoresAndSendsTheItemOnce()
    {
        long sourceId;
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var first = await StartBotAsync())
        {
            await SubscribeReaderAsync(first);
            ServeFeed(("old-1", "Old one"));
            sourceId = (await AddSourceAsync(first)).Id;
            await RunSourcesJobAsync(first, sourceId);

            // The feed answers its headers and half its body, then stalls until the bot stops.
            var body = System.Text.Encoding.UTF8.GetBytes(Rss(("new-2", "Fresh news"), ("old-1", "Old one")));
            _web.Map("/feed.xml", async http =>
            {
                http.Response.ContentType = "application/rss+xml";
                await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await http.Response.Body.FlushAsync();
                stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            });
            _clock.Advance(TimeSpan.FromMinutes(31));
            await TriggerAsync(first);
            await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            await first.StopAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"the stop waited {stopping.Elapsed} for the stalled feed");
        }

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM articles"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM deliveries"));

        ServeFeed(("new-2", "Fresh news"), ("old-1", "Old one"));
        await using var second = await StartBotAsync();
        await RunSourcesJobAsync(second, sourceId);
        var delivered = Assert.Single(await _fake.WaitForMessagesAsync(m => m.ChatId == Reader));
        await WaitForOutboxEmptyAsync();

        Assert.Contains("Fresh news", delivered.VisibleText, StringComparison.Ordinal);
        Assert.Single(_fake.Messages, m => m.ChatId == Reader);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task SourceFailsUntilPaused_TheTelegramAdminIsToldOnce()
    {
        _fake.AddChat(TelegramBotHarness.AdminId, "private");
        await using var bot = await StartBotAsync(settings: new() { ["Sources:DisableAfterFailures"] = "2" });
        _web.Map("/feed.xml", http =>
        {
            http.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var source = await AddSourceAsync(bot);

        await RunSourcesJobAsync(bot, source.Id, "failed");
        _clock.Advance(TimeSpan.FromMinutes(31)); // the backoff after one failure is the source's interval
        await RunSourcesJobAsync(bot, source.Id, "failed");
        var notice = Assert.Single(await _fake.WaitForMessagesAsync(m => m.ChatId == TelegramBotHarness.AdminId));
        Assert.Contains($"Source {source.Id}", notice.VisibleText, StringComparison.Ordinal);
        Assert.Contains("paused after 2 failures", notice.VisibleText, StringComparison.Ordinal);
        Assert.Contains("500", notice.VisibleText, StringComparison.Ordinal);

        // Paused: later runs of the job leave it alone, and the admin hears nothing more.
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.DoesNotContain(await bot.Services.GetRequiredService<SourcePoller>().PollDueAsync(force: true, None), r => r.Id == source.Id);
        Assert.Single(_fake.Messages, m => m.ChatId == TelegramBotHarness.AdminId);
    }

    [Fact]
    public async Task ReviewSource_NewItem_TheAdminGetsThePreviewWithButtons_SubscribersNothing()
    {
        _fake.AddChat(TelegramBotHarness.AdminId, "private");
        await using var bot = await StartBotAsync();
        await SubscribeReaderAsync(bot);
        ServeFeed(("old-1", "Old one"));
        var source = await AddSourceAsync(bot, review: true);
        await RunSourcesJobAsync(bot, source.Id);
        Assert.DoesNotContain(_fake.Messages, m => m.ChatId == TelegramBotHarness.AdminId); // the backlog is not for review

        ServeFeed(("new-2", "Fresh news"), ("old-1", "Old one"));
        _clock.Advance(TimeSpan.FromMinutes(31));
        await RunSourcesJobAsync(bot, source.Id);

        var preview = await WaitWithClockAsync(m => m.ChatId == TelegramBotHarness.AdminId && m.ReplyMarkup is not null);
        var all = _fake.Messages.Where(m => m.ChatId == TelegramBotHarness.AdminId).ToList();
        Assert.Contains(all, m => m.VisibleText.Contains($"Source {source.Id}", StringComparison.Ordinal) && m.VisibleText.Contains("new item", StringComparison.Ordinal));
        Assert.Contains(all, m => m.VisibleText.Contains("Fresh news", StringComparison.Ordinal));
        var buttons = Assert.Single(preview).ReplyMarkup!.Value.GetProperty("inline_keyboard")[0];
        Assert.Equal(3, buttons.GetArrayLength());
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM deliveries"));
        Assert.Equal("draft", await StringAsync("SELECT state FROM articles ORDER BY id DESC LIMIT 1"));
    }

    private static string Rss(params (string Guid, string Title)[] items) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Blog</title><link>https://blog.example.org/</link>
        {string.Concat(items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>https://blog.example.org/{i.Guid}</link><description>The text of {i.Title}.</description></item>"))}
        </channel></rss>
        """;

    private void ServeFeed(params (string Guid, string Title)[] items) => _web.Map("/feed.xml", "application/rss+xml", Rss(items));

    private async Task<TelegramBotHarness> StartBotAsync(Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null)
    {
        var all = TelegramBotHarness.Settings(_fake, _database);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        settings = all;
        settings["Fetch:AllowPrivateAddresses"] = "true";
        settings["Delivery:Telegram:GlobalPerSecond"] = "0";
        // Request timeouts run on the fake clock too: long enough that moving it never cuts a request short.
        settings["Telegram:RequestTimeoutSeconds"] = "600";
        var bot = await TelegramBotHarness.StartAsync(_fake, _database, settings, s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            services?.Invoke(s);
        });
        Logs = bot.Logs;
        return bot;
    }

    private static async Task SubscribeReaderAsync(TelegramBotHarness bot) =>
        await bot.Services.GetRequiredService<ISubscriptionService>().SubscribeAsync(
            new ChatRef(Platform.Telegram, Reader.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private), SubscriptionFilter.Everything, None);

    private async Task<Source> AddSourceAsync(TelegramBotHarness bot, bool review = false)
    {
        var (source, error) = await bot.Services.GetRequiredService<SourceManager>().AddAsync(_web.Url("/feed.xml").AbsoluteUri, "30m", false, review, [], None);
        Assert.Null(error);
        return source!;
    }

    private static async Task TriggerAsync(TelegramBotHarness bot)
    {
        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(None);
        await scheduler.TriggerJob(new JobKey(SourcePollJob.Name), None);
    }

    /// <summary>Fires the `sources-due` Quartz job and waits until it has polled the source at the clock's time.</summary>
    private async Task RunSourcesJobAsync(TelegramBotHarness bot, long sourceId, string status = "ok")
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        await TriggerAsync(bot);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScalarAsync($"SELECT coalesce(last_polled, 0) FROM sources WHERE id = {sourceId}") < now)
        {
            Assert.True(DateTime.UtcNow < deadline, "the sources-due job did not poll the source");
            await Task.Delay(10);
        }

        Assert.Equal(status, await StringAsync($"SELECT last_status FROM sources WHERE id = {sourceId}"));
    }

    /// <summary>Waits for messages the bot paces per chat on the fake clock, moving the clock in small steps.</summary>
    private async Task<IReadOnlyList<FakeSentMessage>> WaitWithClockAsync(Func<FakeSentMessage, bool> predicate, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_fake.Messages.Count(predicate) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected message never came; got: " + string.Join(" | ", _fake.Messages.Select(m => m.ChatId + ":" + m.VisibleText)) + "\n" + string.Join("\n", (Logs?.Lines ?? []).Where(l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal))));
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }

        return [.. _fake.Messages.Where(predicate)];
    }

    private ListLoggerProvider? Logs { get; set; }

    private async Task WaitForOutboxEmptyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScalarAsync("SELECT count(*) FROM deliveries WHERE state = 'pending'") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, article_id, state, next_part, part_count, attempts, next_attempt_at, lease_owner, last_error FROM deliveries";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
                }

                Assert.Fail("deliveries still pending at " + _clock.GetUtcNow().ToUnixTimeMilliseconds() + ": " + string.Join(" | ", rows) + "\n" + string.Join("\n", Logs?.Lines ?? []));
            }

            // The per-chat pace between two messages runs on the fake clock: move it in small steps.
            _clock.Advance(TimeSpan.FromMilliseconds(250));

            await Task.Delay(10);
        }
    }

    private async Task WaitUntilAsync(string countSql, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScalarAsync(countSql) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{countSql} never became {expected}");
            await Task.Delay(10);
        }
    }

    private async Task<long> ScalarAsync(string sql) => (long)(await QueryAsync(sql))!;

    private async Task<string?> StringAsync(string sql) => (string?)await QueryAsync(sql);

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// The real store, except that once armed, the poll "dies" at a point: right after its items'
    /// transaction committed ("stored"), or when it saves its bookkeeping after publishing ("published").
    /// Every later write of the poll fails too, as in a dead process.
    /// </summary>
    private sealed class CrashingSourceStore
    {
        private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? CrashAt { get; set; }

        public Task Crashed => _crashed.Task;

        public ISourceStore Wrap(ISourceStore inner) => new Store(inner, this);

        private IOException Die()
        {
            _crashed.TrySetResult();
            return new IOException("the process died");
        }

        private sealed class Store(ISourceStore inner, CrashingSourceStore owner) : ISourceStore
        {
            private bool Dead => owner._crashed.Task.IsCompleted;

            public Task<Source?> AddAsync(NewSource source, CancellationToken ct) => inner.AddAsync(source, ct);

            public Task<IReadOnlyList<Source>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

            public Task<Source?> GetAsync(long id, CancellationToken ct) => inner.GetAsync(id, ct);

            public Task<bool> RemoveAsync(long id, CancellationToken ct) => inner.RemoveAsync(id, ct);

            public Task<bool> SetPausedAsync(long id, bool paused, CancellationToken ct) => inner.SetPausedAsync(id, paused, ct);

            public Task<IReadOnlyDictionary<string, string?>> KnownItemsAsync(long sourceId, CancellationToken ct) => inner.KnownItemsAsync(sourceId, ct);

            public async Task<StoredItems> StoreItemsAsync(long sourceId, IReadOnlyList<SourceItem> items, ItemMode mode, CancellationToken ct)
            {
                var stored = await inner.StoreItemsAsync(sourceId, items, mode, ct);
                return owner.CrashAt == "stored" && stored.NewArticleIds.Count > 0 ? throw owner.Die() : stored;
            }

            public Task<IReadOnlyList<long>> DraftArticleIdsAsync(long sourceId, CancellationToken ct) =>
                Dead ? throw owner.Die() : inner.DraftArticleIdsAsync(sourceId, ct);

            public Task<IReadOnlyList<long>> ArticlesMissingImagesAsync(long sourceId, int maxAttempts, CancellationToken ct) =>
                Dead ? throw owner.Die() : inner.ArticlesMissingImagesAsync(sourceId, maxAttempts, ct);

            public Task SavePollAsync(long sourceId, PollState state, CancellationToken ct) =>
                Dead || owner.CrashAt == "published"
                    ? throw owner.Die()
                    : inner.SavePollAsync(sourceId, state, ct);
        }
    }
}
