using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Hosting;
using Bot.Discord.Delivery;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Support;
using Bot.Testing;
using Bot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Tests.Rest;

/// <summary>The REST client against a fake that limits, bans and refuses as Discord's rate-limit documentation says.</summary>
public sealed class RestLimitsTests : IAsyncLifetime
{
    private const string ChannelA = "810000000000000001";
    private const string ChannelB = "810000000000000002";
    private const string Messages = "POST /channels/{channel_id}/messages";
    private readonly FakeTimeProvider _time = new();
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync(_time);
        _discord.AddChannel(new FakeChannel(ChannelA, FakeInteractions.GuildId, "news"));
        _discord.AddChannel(new FakeChannel(ChannelB, FakeInteractions.GuildId, "other"));
    }

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task RateLimit_CloudflareHtml429_HonoursRetryAfterAndHoldsEveryRoute()
    {
        using var rest = Rest();
        var channel = Channel(rest);
        _discord.RateLimitNextFromCloudflare(ChannelA, 30);

        var limited = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));
        var other = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelB), Articles.Make(), 0, default));
        await Assert.ThrowsAsync<DiscordRateLimitedException>(() => rest.CreateFollowupMessageAsync(FakeDiscord.ApplicationId, "token-1", new MessagePayload { Content = "x" }, default));

        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), other.RetryAfter);
        Assert.Equal(0, _discord.RequestCount(Messages, ChannelB));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), Articles.Make(), 0, default));
    }

    [Fact]
    public async Task RateLimit_Global_StopsOtherRoutesButNotInteractionEndpoints()
    {
        using var rest = Rest();
        _discord.RateLimitGlobalNext(20);

        var global = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => rest.GetChannelAsync(ChannelA, default));
        await Assert.ThrowsAsync<DiscordRateLimitedException>(() => rest.SendMessageAsync(ChannelB, new MessagePayload { Content = "x" }, default));
        var followUp = await rest.CreateFollowupMessageAsync(FakeDiscord.ApplicationId, "token-1", new MessagePayload { Content = "answer" }, default);

        Assert.True(global.Global);
        Assert.Equal(TimeSpan.FromSeconds(20), global.RetryAfter);
        Assert.Equal(0, _discord.RequestCount(Messages, ChannelB));
        Assert.NotNull(followUp.Id);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.NotNull((await rest.SendMessageAsync(ChannelB, new MessagePayload { Content = "x" }, default)).Id);
    }

    [Fact]
    public async Task RateLimit_BucketSharedByTwoRoutes_HoldsTheOtherRouteOnceLearned()
    {
        _discord.ShareBucket("GET /channels/{channel_id}", Messages);
        _discord.BucketLimit = 2;
        _discord.BucketWindow = TimeSpan.FromSeconds(10);
        using var rest = Rest();
        var channel = Channel(rest);

        // One message to B teaches the client which bucket messages use; then lookups on A use up A's share of it.
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelB), Articles.Make(), 0, default));
        await rest.GetChannelAsync(ChannelA, default);
        await rest.GetChannelAsync(ChannelA, default);
        var limited = Assert.IsType<SendOutcome.RateLimited>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));

        Assert.Equal(0, _discord.RequestCount(Messages, ChannelA));
        Assert.Equal(0, _discord.InvalidRequests);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task Unauthorized_StopsEveryLaterRequestAndStopsTheBotWithACause()
    {
        using var lifetime = new StoppingLifetime();
        var failure = new ApplicationFailure(lifetime, NullLogger<ApplicationFailure>.Instance);
        var options = TestOptions.Discord(_discord.ApiBaseUrl);
        options.Value.Token = "revoked-token";
        using var rest = new DiscordRestClient(options, _time, NullLogger<DiscordRestClient>.Instance, failure);

        await Assert.ThrowsAsync<DiscordTokenRejectedException>(() => rest.GetChannelAsync(ChannelA, default));
        await Assert.ThrowsAsync<DiscordTokenRejectedException>(() => rest.GetChannelAsync(ChannelA, default));
        var outcome = await Channel(rest).SendPartAsync(Target(ChannelA), Articles.Make(), 0, default);

        Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.Equal(1, _discord.InvalidRequests);
        Assert.Equal(1, _discord.TotalRequests);
        Assert.True(lifetime.StopRequested);
        Assert.Contains("401", failure.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", failure.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidRequests_Rising_SlowDownAndStopSendingBeforeTheBan()
    {
        var counter = new InvalidRequestCounter(_time, limit: 8);
        using var rest = new DiscordRestClient(TestOptions.Discord(_discord.ApiBaseUrl), _time, NullLogger<DiscordRestClient>.Instance, invalidRequests: counter);
        _discord.FailChannel(ChannelA, new ScriptedError(403, 50013, "Missing Permissions"));
        var channel = Channel(rest);

        var outcomes = new List<SendOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));
        }

        // Two 403s reach a quarter of the limit: the third goes at no extra cost, then the pause grows past what the caller waits.
        Assert.Equal(3, _discord.RequestCount(Messages, ChannelA));
        Assert.Equal(3, _discord.InvalidRequests);
        Assert.All(outcomes.Skip(3), o => Assert.IsType<SendOutcome.RateLimited>(o));
        _time.Advance(InvalidRequestCounter.Window);
        Assert.Equal(0, counter.Count);
        _discord.HealChannel(ChannelA);
        Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));
    }

    [Fact]
    public async Task GlobalBudget_DeliveriesAndLookupsTogether_StayWithinFiftyASecond()
    {
        _discord.BucketLimit = 1000;
        using var budget = new GlobalRequestBudget(_time);
        using var rest = new DiscordRestClient(TestOptions.Discord(_discord.ApiBaseUrl), _time, NullLogger<DiscordRestClient>.Instance, budget: budget);
        var channel = Channel(rest);
        var article = Articles.Make();

        var deliveries = Enumerable.Range(0, 60).Select(_ => channel.SendPartAsync(Target(ChannelA), article, 0, default));
        var lookups = Enumerable.Range(0, 60).Select(_ => (Task)rest.GetChannelAsync(ChannelB, default));
        var all = Task.WhenAll(deliveries.Cast<Task>().Concat(lookups).ToList());

        for (var second = 1; !all.IsCompleted; second++)
        {
            // Move the clock only once every request the budget let through has reached Discord.
            var expected = Math.Min(120, 50 * second);
            await _discord.WaitForAsync(d => d.TotalRequests >= expected, $"{expected} requests");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await all;
        Assert.Equal(0, _discord.GlobalLimited);
        Assert.Equal(120, _discord.TotalRequests);
        Assert.Equal(60, _discord.Messages.Count);
    }

    [Fact]
    public async Task Buckets_KeyedByManyChannels_AreSweptOnceExpired()
    {
        using var rest = Rest();
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetChannelAsync("82000000000000000" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), default));
        }

        Assert.True(rest.Buckets.Count >= 20);
        _time.Advance(TimeSpan.FromMinutes(1));
        await rest.GetChannelAsync(ChannelA, default);

        Assert.Equal(1, rest.Buckets.Count);
    }

    [Fact]
    public async Task Delete_MessageOlderThan14Days_UsesItsOwnBucket()
    {
        _discord.BucketLimit = 1;
        _discord.BucketWindow = TimeSpan.FromSeconds(10);
        using var rest = Rest();
        var channel = Channel(rest);
        var first = Assert.IsType<SendOutcome.Sent>(await channel.SendPartAsync(Target(ChannelA), Articles.Make(), 0, default));

        Assert.IsType<SendOutcome.Sent>(await channel.DeleteAsync(Target(ChannelA), first.MessageIds[0], default));
        Assert.IsType<SendOutcome.RateLimited>(await channel.DeleteAsync(Target(ChannelA), _discord.MessageIdFrom(TimeSpan.FromDays(1)), default));
        Assert.IsType<SendOutcome.Sent>(await channel.DeleteAsync(Target(ChannelA), _discord.MessageIdFrom(TimeSpan.FromDays(20)), default));

        Assert.Equal(1, _discord.RequestCount(FakeDiscord.DeleteOldMessageTemplate, ChannelA));
    }

    private DiscordRestClient Rest() => new(TestOptions.Discord(_discord.ApiBaseUrl), _time, NullLogger<DiscordRestClient>.Instance);

    private static DiscordDeliveryChannel Channel(DiscordRestClient rest) => DiscordChannels.Create(rest);

    private static DeliveryTarget Target(string channelId) => new(channelId, ChatKind.DiscordChannel, null);
}
