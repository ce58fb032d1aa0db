using Bot.Discord.Gateway;
using Bot.Discord.Models;
using Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Discord.Tests.Interactions;

public sealed class IdentifyGateTests
{
    [Fact]
    public async Task WaitTurn_SecondIdentify_WaitsDiscordsFiveSecondsAndAMargin()
    {
        var time = new FakeTimeProvider();
        using var gate = new IdentifyGate(time, NullLogger<IdentifyGate>.Instance);
        var limit = new SessionStartLimit(1000, 900, 3_600_000, 1);

        await gate.WaitTurnAsync(limit, 0, default);
        var second = gate.WaitTurnAsync(limit, 0, default);
        time.Advance(TimeSpan.FromSeconds(5.5));
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.5));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitTurn_SessionStartsNearlyUsedUp_WaitsForTheReset()
    {
        var time = new FakeTimeProvider();
        using var gate = new IdentifyGate(time, NullLogger<IdentifyGate>.Instance);

        var identify = gate.WaitTurnAsync(new SessionStartLimit(1000, 1, 60_000, 1), 0, default);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(identify.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await identify.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
