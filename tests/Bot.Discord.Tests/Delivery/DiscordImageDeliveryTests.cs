using System.Net;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Core.Storage.Media;
using Bot.Discord.Delivery;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Support;
using Bot.Testing;
using Bot.Testing.Discord;
using Bot.Testing.Media;

namespace Bot.Discord.Tests.Delivery;

/// <summary>
/// The lead image as the head embed's image, against the fake's multipart uploads: uploaded once, reused by
/// its signed CDN URL while that is fresh, uploaded again near its expiry; a missing or oversize image
/// leaves the embed without a picture (the text keeps its link) and the delivery goes on.
/// </summary>
public sealed class DiscordImageDeliveryTests : IAsyncLifetime
{
    private const string ChannelA = "810000000000000001";
    private const string ChannelB = "810000000000000002";
    private const string ChannelC = "810000000000000003";
    private const string Messages = "POST /channels/{channel_id}/messages";
    private const string LeadUrl = "https://img.example/lead.png";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new();
    private FakeDiscord _discord = null!;
    private TempDatabase _database = null!;
    private SqliteMediaCatalog _catalog = null!;
    private MediaFiles _files = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync(_time);
        foreach (var id in new[] { ChannelA, ChannelB, ChannelC })
        {
            _discord.AddChannel(new FakeChannel(id, FakeInteractions.GuildId, "news-" + id[^1]));
        }

        _database = await TempDatabase.CreateAsync();
        _catalog = new SqliteMediaCatalog(_database.Database, _time);
        _files = new MediaFiles(Path.Combine(_database.Folder, "media"));
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FirstDelivery_UploadsTheLeadImage_LaterChannelsReuseItsUrl_EvenAfterARestart()
    {
        using var rest = Rest();
        var bytes = TestImages.Png(64, 48);
        var article = await ArticleAsync(bytes);
        var channel = DiscordChannels.Create(rest, Uploads());

        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, None));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), article, 0, None));
        // A new process: the URL comes from media_uploads, with its expiry.
        var restarted = DiscordChannels.Create(rest, Uploads());
        Assert.IsType<SendOutcome.Sent>(await restarted.SendPartAsync(Target(ChannelC), article, 0, None));

        var first = _discord.Messages[0];
        var upload = Assert.Single(first.Uploads);
        var fileName = article.LeadImage!.Stored!.FileName;
        Assert.Equal("files[0]", upload.PartName);
        Assert.Equal(fileName, upload.Filename);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal("attachment://" + fileName, first.EmbedImageUrl);
        Assert.Equal(0, (int?)first.Body["attachments"]![0]!["id"]);
        Assert.Equal(fileName, (string?)first.Body["attachments"]![0]!["filename"]);
        Assert.Equal("朝鲜与普京的会面", (string?)first.Embeds![0]!["title"]);

        Assert.Equal(1, _discord.Uploads);
        Assert.All(_discord.Messages.Skip(1), m => Assert.Empty(m.Uploads));
        Assert.All(_discord.Messages.Skip(1), m => Assert.Equal(upload.Url, m.EmbedImageUrl));
        var stored = await _catalog.GetUploadAsync(article.LeadImage.Stored.Sha256, Platform.Discord, None);
        Assert.Equal(upload.Url, stored!.Ref);
        Assert.Equal(_time.GetUtcNow().AddHours(24).ToUnixTimeSeconds(), stored.ExpiresAt!.Value.ToUnixTimeSeconds());

        // The URL serves the archived bytes, as Discord's CDN does while it is valid.
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(upload.Url));
    }

    [Fact]
    public async Task UrlNearItsExpiry_IsNotReused_TheImageIsUploadedAgain()
    {
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(32, 32));
        var channel = DiscordChannels.Create(rest, Uploads());
        await channel.SendPartAsync(Target(ChannelA), article, 0, None);
        var firstUrl = _discord.Messages[0].Uploads[0].Url;

        _time.Advance(TimeSpan.FromHours(22));
        await channel.SendPartAsync(Target(ChannelB), article, 0, None);
        _time.Advance(TimeSpan.FromHours(1.5)); // 30 minutes left: within the margin
        await channel.SendPartAsync(Target(ChannelC), article, 0, None);

        Assert.Equal(2, _discord.Uploads);
        Assert.Equal(firstUrl, _discord.Messages[1].EmbedImageUrl);
        var again = Assert.Single(_discord.Messages[2].Uploads);
        Assert.NotEqual(firstUrl, again.Url);
        var stored = await _catalog.GetUploadAsync(article.LeadImage!.Stored!.Sha256, Platform.Discord, None);
        Assert.Equal(again.Url, stored!.Ref);

        // The first link is dead now on the CDN, as Discord's are after ex.
        _time.Advance(TimeSpan.FromHours(1));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(firstUrl)).StatusCode);
    }

    [Fact]
    public async Task StoredImageWhoseFileIsGone_IsSentWithoutAPicture_TheTextKeepsTheLink()
    {
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(16, 16), writeFile: false);
        var channel = DiscordChannels.Create(rest, Uploads());

        for (var part = 0; part < channel.CountParts(article); part++)
        {
            Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, part, None));
        }

        Assert.Equal(0, _discord.Uploads);
        Assert.Null(_discord.Messages[0].EmbedImageUrl);
        Assert.Contains(_discord.Messages.Skip(1), m => m.Content!.Contains($"[地图]({LeadUrl})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImageDiscordRefusesAsTooLarge_IsSentWithoutIt_AndNotOfferedAgain()
    {
        _discord.AttachmentSizeLimit = 100; // a server whose limit is below what the bot assumed
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(300, 200, shade: 7));
        Assert.True(article.LeadImage!.Stored!.Bytes > 100);
        var channel = DiscordChannels.Create(rest, Uploads());

        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, None));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), article, 0, None));

        Assert.Equal(0, _discord.Uploads);
        Assert.All(_discord.Messages, m => Assert.Null(m.EmbedImageUrl));
        Assert.Equal(2, _discord.RequestCount(Messages, ChannelA)); // the refused upload, then the message without it
        Assert.Equal(1, _discord.RequestCount(Messages, ChannelB));
    }

    [Fact]
    public async Task ImageOverTheConfiguredLimit_IsNeverUploaded()
    {
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(300, 200, shade: 9));
        var channel = DiscordChannels.Create(rest, Uploads(), maxAttachmentBytes: article.LeadImage!.Stored!.Bytes - 1);

        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, None));

        Assert.Equal(0, _discord.Uploads);
        Assert.Null(Assert.Single(_discord.Messages).EmbedImageUrl);
        Assert.Equal(1, _discord.RequestCount(Messages, ChannelA));
    }

    [Fact]
    public async Task ImagesOff_SendsNoPicture()
    {
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(20, 20));
        var channel = DiscordChannels.Create(rest, Uploads(), images: DeliveryImageMode.None);

        await channel.SendPartAsync(Target(ChannelA), article, 0, None);

        Assert.Equal(0, _discord.Uploads);
        Assert.Null(Assert.Single(_discord.Messages).EmbedImageUrl);
    }

    [Fact]
    public async Task UploadHitsTheChannelsBucket_LikeAnyMessage()
    {
        _discord.BucketLimit = 1;
        _discord.BucketWindow = TimeSpan.FromSeconds(10);
        using var rest = Rest();
        var article = await ArticleAsync(TestImages.Png(24, 24));
        var channel = DiscordChannels.Create(rest, Uploads());

        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, None));
        var limited = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), article, 1, None));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), article, 0, None));

        Assert.Equal(TimeSpan.FromSeconds(10), limited.RetryAfter);
        Assert.Equal(1, _discord.Uploads);
    }

    [Fact]
    public async Task Upload429_IsRetriedWithTheWholeMultipartBody()
    {
        using var rest = Rest(maxWait: TimeSpan.FromSeconds(5));
        var article = await ArticleAsync(TestImages.Png(24, 24, shade: 3));
        var channel = DiscordChannels.Create(rest, Uploads());
        _discord.RateLimitNext(ChannelA, 2);

        var send = channel.SendPartAsync(Target(ChannelA), article, 0, None);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!send.IsCompleted && !limit.IsCancellationRequested)
        {
            // The client waits on the fake clock: move it until the wait is over.
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        Assert.IsType<SendOutcome.Sent>(await send);
        Assert.Equal(2, _discord.RequestCount(Messages, ChannelA));
        Assert.Equal(article.LeadImage!.Stored!.Bytes, Assert.Single(Assert.Single(_discord.Messages).Uploads).Bytes);
    }

    [Fact]
    public async Task Fake_RefusesAnEmbedNamingNoUploadedFile_AndAFileOver10MiB()
    {
        using var rest = Rest();
        var embed = new MessagePayload { Embeds = [new Embed { Title = "t", Image = new EmbedImage("attachment://other.png") }], Attachments = [new AttachmentSlot(0, "a.png")] };
        var png = TestImages.Png(4, 4);

        var unnamed = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendMessageWithFilesAsync(ChannelA, embed, [new FileUpload("a.png", "image/png", png)], None));
        var noFile = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendMessageAsync(ChannelA, embed with { Attachments = null }, None));
        var big = new byte[(10 * 1024 * 1024) + 1];
        var tooLarge = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendMessageWithFilesAsync(ChannelA, new MessagePayload { Content = "x" }, [new FileUpload("big.png", "image/png", big)], None));
        var atLimit = await rest.SendMessageWithFilesAsync(ChannelA, new MessagePayload { Content = "x" }, [new FileUpload("ok.png", "image/png", big[..^1])], None);

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (unnamed.Status, unnamed.Code));
        Assert.Equal((HttpStatusCode.BadRequest, 50035), (noFile.Status, noFile.Code));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, DiscordApiException.RequestEntityTooLarge), (tooLarge.Status, tooLarge.Code));
        Assert.Equal(10 * 1024 * 1024, Assert.Single(atLimit.Attachments!).Size);
        Assert.NotNull(DiscordCdnUrl.ExpiresAt(atLimit.Attachments![0].Url));
    }

    [Theory]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/a.png?ex=65d903de&is=65c68ede&hm=24&", 1708721118L)]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/a.png", null)]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/a.png?ex=zz&is=1", null)]
    [InlineData("attachment://a.png", null)]
    public void CdnUrl_ExpiryIsTheHexExParameter(string url, long? expected) =>
        Assert.Equal(expected, DiscordCdnUrl.ExpiresAt(url)?.ToUnixTimeSeconds());

    private MediaUploads Uploads() => new(_catalog, _files, _time);

    private async Task<Bot.Core.Articles.Article> ArticleAsync(byte[] bytes, bool writeFile = true)
    {
        var image = ImageArticles.Stored(0, LeadUrl, bytes, "地图");
        await _catalog.RecordStoredAsync(LeadUrl, image.Stored!, None);
        if (writeFile)
        {
            await _files.WriteAsync(bytes, None);
        }

        var body = $"![地图]({LeadUrl})\n\n正文第一段。\n\n正文第二段。";
        return ImageArticles.Create(1, "朝鲜与普京的会面", body, image) with { Summary = "摘要" };
    }

    private DiscordRestClient Rest(TimeSpan? maxWait = null) =>
        new(TestOptions.Discord(_discord.ApiBaseUrl, maxWait), _time, new ListLogger<DiscordRestClient>());

    private static DeliveryTarget Target(string channelId) => new(channelId, ChatKind.DiscordChannel, null);
}
