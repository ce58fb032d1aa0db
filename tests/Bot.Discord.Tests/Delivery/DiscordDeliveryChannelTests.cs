using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Subscriptions;
using Bot.Discord.Delivery;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Support;
using Bot.Testing;
using Bot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Tests.Delivery;

public sealed class DiscordDeliveryChannelTests : IAsyncLifetime
{
    private const string ChannelA = "810000000000000001";
    private const string ChannelB = "810000000000000002";
    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<DiscordRestClient> _restLog = new();
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync(_time);
        _discord.AddChannel(new FakeChannel(ChannelA, FakeInteractions.GuildId, "news"));
        _discord.AddChannel(new FakeChannel(ChannelB, FakeInteractions.GuildId, "other"));
    }

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task SendPart_AllParts_PostEmbedThenTextWithMentionsDisabled()
    {
        using var rest = Rest();
        var channel = Channel(rest);
        var article = Articles.Make(body: "@everyone 第一段。\n\n" + string.Join("\n\n", Enumerable.Range(0, 6).Select(_ => new string('字', 600) + "。")));

        var count = channel.CountParts(article);
        for (var i = 0; i < count; i++)
        {
            Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, i, default));
        }

        var messages = _discord.Messages;
        Assert.Equal(count, messages.Count);
        Assert.True(count >= 3);
        Assert.Equal("朝鲜与普京的会面", (string?)messages[0].Embeds![0]!["title"]);
        Assert.StartsWith("@everyone 第一段。", messages[1].Content, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Empty(m.Body["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.All(messages.Skip(1), m => Assert.True(m.Content!.Length <= 2000));
    }

    [Fact]
    public async Task SendPart_ToASilentTarget_SetsSuppressNotifications()
    {
        using var rest = Rest();
        var channel = Channel(rest);

        await channel.SendPartAsync(Target(ChannelA) with { Silent = true }, Articles.Make(), 0, default);
        await channel.SendPartAsync(Target(ChannelB), Articles.Make(), 0, default);

        Assert.Equal(4096, (int?)_discord.Messages.Single(m => m.ChannelId == ChannelA).Body["flags"]);
        Assert.Null(_discord.Messages.Single(m => m.ChannelId == ChannelB).Body["flags"]);
    }

    [Fact]
    public async Task SendPart_BucketExhausted_IsRateLimitedForThatChannelOnly()
    {
        _discord.BucketLimit = 2;
        _discord.BucketWindow = TimeSpan.FromSeconds(10);
        using var rest = Rest();
        var channel = Channel(rest);
        var article = Articles.Make();

        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 1, default));
        var limited = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), article, 0, default));

        Assert.Equal(TimeSpan.FromSeconds(10), limited.RetryAfter);
        Assert.Equal(2, _discord.RequestCount("POST /channels/{channel_id}/messages", ChannelA));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));
    }

    [Fact]
    public async Task SendPart_429_ReturnsRetryAfterAndHoldsOnlyThatBucket()
    {
        using var rest = Rest();
        var channel = Channel(rest);
        var article = Articles.Make();
        _discord.RateLimitNext(ChannelA, 7.5);

        var limited = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), article, 0, default));
        Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));

        Assert.Equal(TimeSpan.FromSeconds(7.5), limited.RetryAfter);
        Assert.Equal(1, _discord.RequestCount("POST /channels/{channel_id}/messages", ChannelA));
        _time.Advance(TimeSpan.FromSeconds(7.5));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), article, 0, default));
    }

    [Fact]
    public async Task SendPart_Short429_WaitsRetryAfterAndSends()
    {
        using var rest = Rest(maxWait: TimeSpan.FromSeconds(5));
        var channel = Channel(rest);
        _discord.RateLimitNext(ChannelA, 2);

        var send = channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!send.IsCompleted && !limit.IsCancellationRequested)
        {
            // The client waits on the fake clock: move it until the wait is over.
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        Assert.IsType<SendOutcome.Sent>(await send);
        Assert.Equal(2, _discord.RequestCount("POST /channels/{channel_id}/messages", ChannelA));
        Assert.Single(_discord.Messages);
    }

    [Theory]
    [InlineData(404, 10003, typeof(SendOutcome.ChatGone), ChatGoneKind.ChatDeleted)]
    [InlineData(403, 50001, typeof(SendOutcome.ChatGone), ChatGoneKind.RemovedFromChat)]
    [InlineData(403, 50013, typeof(SendOutcome.ChatGone), ChatGoneKind.NoRightToPost)]
    [InlineData(403, 0, typeof(SendOutcome.ChatGone), ChatGoneKind.Other)]
    [InlineData(400, 50035, typeof(SendOutcome.BadRequest))]
    [InlineData(500, 0, typeof(SendOutcome.Transient))]
    [InlineData(502, 0, typeof(SendOutcome.Transient))]
    public async Task SendPart_DiscordError_MapsToOutcome(int status, int code, Type expected, ChatGoneKind kind = ChatGoneKind.Other)
    {
        using var rest = Rest();
        _discord.FailChannel(ChannelA, new ScriptedError(status, code, "scripted"));

        var outcome = await Channel(rest).SendPartAsync(Target(ChannelA), Articles.Make(), 0, default);

        Assert.IsType(expected, outcome);
        Assert.Equal(kind, (outcome as SendOutcome.ChatGone)?.Kind ?? ChatGoneKind.Other);
    }

    [Fact]
    public async Task SendPart_WrongToken_IsTransientAndNeverLogsTheToken()
    {
        var options = TestOptions.Discord(_discord.ApiBaseUrl);
        options.Value.Token = "wrong-secret-token";
        using var rest = new DiscordRestClient(options, _time, _restLog);
        var deliveryLog = new ListLogger<DiscordDeliveryChannel>();
        var channel = DiscordChannels.Create(rest, logger: deliveryLog);

        var outcome = await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default);

        Assert.IsType<SendOutcome.Transient>(outcome);
        var lines = _restLog.Lines.Concat(deliveryLog.Lines).ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains("wrong-secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendPart_DiscordUnreachable_IsTransient()
    {
        using var rest = new DiscordRestClient(TestOptions.Discord("http://127.0.0.1:9/api/v10"), _time, NullLogger<DiscordRestClient>.Instance);

        Assert.IsType<SendOutcome.Transient>(await Channel(rest).SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));
    }

    [Fact]
    public async Task SendPart_NotASnowflake_IsChatGone()
    {
        using var rest = Rest();

        Assert.IsType<SendOutcome.ChatGone>(await Channel(rest).SendPartAsync(Target("../../users/@me"), Articles.Make(), 0, default));
    }

    [Fact]
    public async Task Delete_SentMessage_IsDeletedAndASecondDeleteStillSucceeds()
    {
        using var rest = Rest();
        var channel = Channel(rest);
        var sent = Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));

        Assert.IsType<SendOutcome.Sent>(await channel.DeleteAsync(Target(ChannelA), sent.MessageIds[0], default));
        Assert.IsType<SendOutcome.Sent>(await channel.DeleteAsync(Target(ChannelA), sent.MessageIds[0], default));
        Assert.Equal([(ChannelA, sent.MessageIds[0])], _discord.DeletedMessages);
    }

    [Fact]
    public async Task Delete_NoLongerAllowed_IsBadRequest()
    {
        using var rest = Rest();
        var channel = Channel(rest);
        var sent = Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));
        _discord.FailChannel(ChannelA, new ScriptedError(403, 50001, "Missing Access"));

        Assert.IsType<SendOutcome.BadRequest>(await channel.DeleteAsync(Target(ChannelA), sent.MessageIds[0], default));
    }

    private DiscordRestClient Rest(TimeSpan? maxWait = null) =>
        new(TestOptions.Discord(_discord.ApiBaseUrl, maxWait), _time, _restLog);

    private static DiscordDeliveryChannel Channel(DiscordRestClient rest) => DiscordChannels.Create(rest);

    private static DeliveryTarget Target(string channelId) => new(channelId, ChatKind.DiscordChannel, null);
}
