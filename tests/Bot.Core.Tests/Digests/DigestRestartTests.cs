using Bot.Core.Digests;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Digests;

/// <summary>A host that restarts (a new maker on the same database) before, at and long after a digest time.</summary>
public sealed class DigestRestartTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Eight = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RestartBeforeTheTime_MakesNothingEarly_ThenOneDigestAtTheTime()
    {
        await using var h = await ReaderWithDigestAsync();
        h.Clock.SetUtcNow(Eight.AddMinutes(-5));

        Assert.Empty(await Restarted(h).CatchUpAsync(None));
        h.Clock.SetUtcNow(Eight);
        Assert.Equal(DigestResult.Queued, await Restarted(h).RunDueAsync(1, None));
        await h.DrainAsync();

        Assert.Single(h.Channel.Sent);
    }

    [Fact]
    public async Task RestartAfterADigestWasMade_DoesNotRepeatIt()
    {
        await using var h = await ReaderWithDigestAsync();
        h.Clock.SetUtcNow(Eight);
        Assert.Equal(DigestResult.Queued, await h.Maker.RunDueAsync(1, None));

        h.Clock.SetUtcNow(Eight.AddMinutes(3));
        Assert.Empty(await Restarted(h).CatchUpAsync(None));
        // A trigger that fires late after the restart finds nothing due either.
        Assert.Equal(DigestResult.NotDue, await Restarted(h).RunDueAsync(1, None));
        await h.DrainAsync();

        Assert.Single(h.Channel.Sent);
        Assert.Equal(1L, await h.ScalarAsync<long>("SELECT count(*) FROM digests"));
    }

    [Fact]
    public async Task DownAtTheTime_BackWithinTheGrace_SendsItOnce()
    {
        await using var h = await ReaderWithDigestAsync();
        h.Clock.SetUtcNow(Eight.AddMinutes(90));

        var caught = await Restarted(h).CatchUpAsync(None);
        Assert.Equal(DigestResult.Queued, caught[1]);
        Assert.Empty(await Restarted(h).CatchUpAsync(None));
        await h.DrainAsync();

        var digest = Assert.Single(h.Channel.Sent);
        Assert.Contains("Mon 2 Nov 2026", digest.Title, StringComparison.Ordinal);
        Assert.Equal(Eight.AddDays(1).ToUnixTimeMilliseconds(), await h.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions"));
    }

    [Fact]
    public async Task DownLongerThanTheGrace_SkipsThatTime_AndTheArticlesWaitForTheNext()
    {
        await using var h = await ReaderWithDigestAsync(graceMinutes: 60);
        h.Clock.SetUtcNow(Eight.AddHours(3));

        Assert.Equal(DigestResult.Skipped, (await Restarted(h).CatchUpAsync(None))[1]);
        await h.DrainAsync();
        Assert.Empty(h.Channel.Sent);

        h.Clock.SetUtcNow(Eight.AddDays(1));
        Assert.Equal(DigestResult.Queued, await Restarted(h).RunDueAsync(1, None));
        await h.DrainAsync();
        Assert.Contains("1 new article", Assert.Single(h.Channel.Sent).Body, StringComparison.Ordinal);
    }

    private static async Task<DeliveryHarness> ReaderWithDigestAsync(int graceMinutes = 240)
    {
        var h = await DeliveryHarness.CreateAsync(o => o.DigestGraceMinutes = graceMinutes);
        var chat = DeliveryHarness.Private("reader");
        await h.Subscriptions.SubscribeAsync(chat, SubscriptionFilter.Everything, None);
        await h.Preferences.SetDigestAsync(chat, DigestSchedule.Daily(new TimeOnly(8, 0)), "en", None);
        await h.PublishAsync("一");
        return h;
    }

    private static DigestMaker Restarted(DeliveryHarness h) =>
        new(h.Database.Database, h.Zones, h.Signal, h.Clock, Options.Create(h.Options), NullLogger<DigestMaker>.Instance);
}
