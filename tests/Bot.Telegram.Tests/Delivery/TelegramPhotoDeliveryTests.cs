using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Telegram.Api;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Media;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Delivery;

/// <summary>Articles with archived images against the fake Bot API: photos uploaded once, captions in limits, parts resumable.</summary>
public sealed class TelegramPhotoDeliveryTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new();
    private readonly UploadsOnlyCatalog _catalog = new();
    private FakeTelegramServer _fake = null!;
    private MediaFiles _files = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false }, time: _time);
        _files = new MediaFiles(Directory.CreateTempSubdirectory("bot-media-").FullName);
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Directory.Delete(_files.Folder, recursive: true);
    }

    [Fact]
    public async Task Deliver_ShortArticleWithImage_IsOnePhotoWithTheWholeTextAsCaption()
    {
        var channel = TelegramClients.Channel(_fake, files: _files, catalog: _catalog);
        var article = ImageArticles.Create(1, "地图", "![地图](https://img.example/map.png)\n\n短短的正文。", await StoreAsync(0, "https://img.example/map.png", TestImages.Png(40, 30)));

        Assert.Equal(1, channel.CountParts(article));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Private(7), article, 0, None));

        var message = Assert.Single(_fake.Messages);
        Assert.NotNull(message.PhotoFileId);
        Assert.True(message.PhotoUploaded);
        Assert.StartsWith("<b>地图</b>", message.Html, StringComparison.Ordinal);
        Assert.Contains("短短的正文。", message.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_LongArticleToManyChats_UploadsOnceThenReusesTheFileId_AndCaptionsStayWithin1024()
    {
        var channel = TelegramClients.Channel(_fake, files: _files, catalog: _catalog);
        var body = "![](https://img.example/lead.jpg)\n\n" + string.Join("\n\n", Enumerable.Range(0, 60).Select(i => $"第 {i} 段，" + new string('字', 90)));
        var article = ImageArticles.Create(2, "长文", body, await StoreAsync(0, "https://img.example/lead.jpg", TestImages.Jpeg(64, 48)));
        var parts = channel.CountParts(article);
        Assert.True(parts >= 3, $"a photo and several text parts, got {parts}");

        for (var chat = 1; chat <= 20; chat++)
        {
            for (var part = 0; part < parts; part++)
            {
                Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Private(chat), article, part, None));
            }
        }

        Assert.Equal(1, _fake.PhotoUploads);
        var photos = _fake.Messages.Where(m => m.PhotoFileId is not null).ToList();
        Assert.Equal(20, photos.Count);
        Assert.Single(photos.Select(p => p.PhotoFileId).Distinct());
        Assert.All(photos, p => Assert.InRange(p.VisibleText.Length, 1, 1024));
        Assert.All(photos, p => Assert.EndsWith("…", p.VisibleText, StringComparison.Ordinal));
        Assert.Equal(20 * (parts - 1), _fake.Messages.Count(m => m.PhotoFileId is null));
    }

    [Fact]
    public async Task Deliver_InterruptedAfterThePhoto_ResumesAtTheFirstTextPart()
    {
        var channel = TelegramClients.Channel(_fake, files: _files, catalog: _catalog);
        var body = "![](https://img.example/lead.png)\n\n" + string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"段落 {i} " + new string('文', 100)));
        var article = ImageArticles.Create(3, "续传", body, await StoreAsync(0, "https://img.example/lead.png", TestImages.Png(8, 8)));
        var count = channel.CountParts(article);
        await channel.SendPartAsync(Private(9), article, 0, None);

        // A new process renders the same article again (a fresh instance) and continues at part 1.
        var restarted = TelegramClients.Channel(_fake, files: _files, catalog: _catalog);
        var again = article with { };
        Assert.Equal(count, restarted.CountParts(again));
        for (var part = 1; part < count; part++)
        {
            await restarted.SendPartAsync(Private(9), again, part, None);
        }

        var sent = _fake.Messages.Where(m => m.ChatId == 9).ToList();
        Assert.Equal(count, sent.Count);
        Assert.NotNull(sent[0].PhotoFileId);
        Assert.All(sent.Skip(1), m => Assert.Null(m.PhotoFileId));
        Assert.StartsWith("<b>续传</b>", sent[1].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_AllImages_SendsTheOthersAsAnAlbumAfterTheText()
    {
        var channel = TelegramClients.Channel(_fake, files: _files, catalog: _catalog, images: DeliveryImageMode.All);
        var images = new List<ArticleImage>();
        for (var i = 0; i < 13; i++)
        {
            images.Add(await StoreAsync(i, $"https://img.example/{i}.png", TestImages.Variant(i)));
        }

        var article = ImageArticles.Create(4, "相册", string.Join("\n\n", images.Select(i => $"![]({i.Url})")) + "\n\n正文。", [.. images]);
        var count = channel.CountParts(article);
        for (var part = 0; part < count; part++)
        {
            Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Private(11), article, part, None));
        }

        // The lead with the text as caption, then 12 others: an album of 10 and one of 2.
        Assert.Equal(3, count);
        var groups = _fake.Messages.Where(m => m.MediaGroupId is not null).GroupBy(m => m.MediaGroupId).Select(g => g.Count()).ToList();
        Assert.Equal([10, 2], groups);
        Assert.Equal(13, _fake.PhotoUploads);
    }

    [Fact]
    public async Task Deliver_ImageTooLargeForAPhoto_StaysALink()
    {
        var channel = TelegramClients.Channel(_fake, files: _files, catalog: _catalog);
        var article = ImageArticles.Create(5, "长条", "![](https://img.example/strip.png)\n\n正文。", await StoreAsync(0, "https://img.example/strip.png", TestImages.Png(2100, 100)));

        await channel.SendPartAsync(Private(12), article, 0, None);

        var message = Assert.Single(_fake.Messages);
        Assert.Null(message.PhotoFileId);
        Assert.Contains("https://img.example/strip.png", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeSendPhoto_RefusesWhatTelegramRefuses()
    {
        var api = TelegramClients.For(_fake);
        var chat = 13L;

        var html = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() =>
            api.SendPhoto(new OutgoingPhoto(chat, PhotoInput.Upload(TestImages.HtmlPage, "x.png"), string.Empty), None));
        var unknown = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() =>
            api.SendPhoto(new OutgoingPhoto(chat, PhotoInput.Existing("AgACnot-a-file"), string.Empty), None));
        var caption = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() =>
            api.SendPhoto(new OutgoingPhoto(chat, PhotoInput.Upload(TestImages.Png(2, 2), "x.png"), new string('字', 1025)), None));
        var single = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() =>
            api.SendMediaGroup(new OutgoingAlbum(chat, [PhotoInput.Upload(TestImages.Png(2, 2), "x.png")]), None));

        Assert.Contains("IMAGE_PROCESS_FAILED", html.Message, StringComparison.Ordinal);
        Assert.Contains("wrong file identifier", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("caption is too long", caption.Message, StringComparison.Ordinal);
        Assert.Contains("MEDIA_GROUP_COUNT_INVALID", single.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Messages);
    }

    private static DeliveryTarget Private(long id) => new(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private, null);

    private async Task<ArticleImage> StoreAsync(int position, string url, byte[] bytes)
    {
        await _files.WriteAsync(bytes, None);
        return ImageArticles.Stored(position, url, bytes);
    }
}
