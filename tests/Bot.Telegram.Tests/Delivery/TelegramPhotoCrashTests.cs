using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Core.Storage.Media;
using Bot.Core.Subscriptions;
using Bot.Telegram.Tests.Support;
using Bot.Testing.Delivery;
using Bot.Testing.Media;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Delivery;

/// <summary>
/// The crash guarantee for articles with images, through the real outbox on SQLite and the fake Bot API:
/// a process that dies after its photo was sent and recorded resumes, after the lease, at the first text
/// part: the photo is not sent twice (nor uploaded twice: the file_id is in media_uploads) and no text is lost.
/// </summary>
public sealed class TelegramPhotoCrashTests
{
    private const string ImageUrl = "https://img.example/lead.jpg";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CrashBetweenThePhotoAndTheText_ResumesAtTheFirstTextPart_WithoutADoubledPhoto()
    {
        await using var h = await DeliveryHarness.CreateAsync(o => o.Concurrency = 1);
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false }, time: h.Clock);
        var files = new MediaFiles(Path.Combine(h.Database.Folder, "media"));
        var catalog = new SqliteMediaCatalog(h.Database.Database, h.Clock);
        await h.Subscriptions.SubscribeAsync(new ChatRef(Platform.Telegram, "41", ChatKind.Private), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(new ChatRef(Platform.Telegram, "42", ChatKind.Private), SubscriptionFilter.Everything, None);
        var id = await ArticleWithImageAsync(h, catalog, files);
        await h.Publishing.PublishNowAsync(id, None);

        // Part 0 (the photo) is sent and recorded; the process dies as part 1 (text) is about to go out.
        var dying = new DyingChannel(TelegramClients.Channel(telegram, files: files, catalog: catalog), dieAtPart: 1);
        using var kill = new CancellationTokenSource();
        var frozen = h.NewWorker(dying).DrainOnceAsync(kill.Token);
        await dying.Died.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT max(next_part) FROM deliveries"));

        // A new process: its own channel, uploads cache and worker, on the same database and media folder.
        var restarted = TelegramClients.Channel(telegram, files: files, catalog: catalog);
        h.Clock.Advance(TimeSpan.FromSeconds(h.Options.LeaseSeconds + 1));
        await h.DrainAsync(h.NewWorker(restarted));

        var article = (await h.Articles.GetAsync(id, None))!;
        var parts = restarted.CountParts(article);
        Assert.True(parts >= 3, $"a photo and at least two text parts, got {parts}");
        foreach (var chat in new long[] { 41, 42 })
        {
            var received = telegram.Messages.Where(m => m.ChatId == chat).ToList();
            Assert.Equal(parts, received.Count);
            Assert.Single(received, m => m.PhotoFileId is not null);
            Assert.NotNull(received[0].PhotoFileId);
            var texts = received.Skip(1).Select(m => m.VisibleText).ToList();
            Assert.Equal(texts.Distinct(), texts);
            Assert.Contains(texts, t => t.Contains("第 0 段", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("第 59 段", StringComparison.Ordinal));
        }

        Assert.Equal(1, telegram.PhotoUploads);
        Assert.Equal(2L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'sent'"));
        await kill.CancelAsync();
        await frozen;
    }

    private static async Task<long> ArticleWithImageAsync(DeliveryHarness h, SqliteMediaCatalog catalog, MediaFiles files)
    {
        var body = $"![封面]({ImageUrl})\n\n" + string.Join("\n\n", Enumerable.Range(0, 60).Select(i => $"第 {i} 段，" + new string('字', 90)));
        var id = await TestArticles.InsertAsync(h.Database.Database, "带图的长文", text: body);
        var bytes = TestImages.Jpeg(64, 48);
        await catalog.SetReferencesAsync(id, [new ImageReference(ImageUrl, "封面")], None);
        await catalog.RecordStoredAsync(ImageUrl, ImageArticles.Stored(0, ImageUrl, bytes).Stored!, None);
        await files.WriteAsync(bytes, None);
        return id;
    }

    /// <summary>Stands for a process killed with SIGKILL: from <paramref name="dieAtPart"/> on, sends never return (until the test ends).</summary>
    private sealed class DyingChannel(IDeliveryChannel inner, int dieAtPart) : IDeliveryChannel
    {
        public TaskCompletionSource Died { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Platform Platform => inner.Platform;

        public int CountParts(Article article) => inner.CountParts(article);

        public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
        {
            if (partIndex >= dieAtPart)
            {
                Died.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return await inner.SendPartAsync(target, article, partIndex, ct);
        }

        public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct) => inner.DeleteAsync(target, messageId, ct);
    }
}
