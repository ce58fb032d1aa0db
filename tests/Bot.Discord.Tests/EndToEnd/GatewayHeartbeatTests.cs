using Bot.Discord.Gateway;
using Bot.Discord.Tests.Support;
using Bot.Testing;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>Heartbeats against a fake gateway, on a clock the test moves.</summary>
public sealed class GatewayHeartbeatTests
{
    [Fact]
    public async Task Gateway_Heartbeats_AreSentAndAcknowledged()
    {
        var interval = TimeSpan.FromMilliseconds(41_250);
        var clock = new FakeTimeProvider();
        await using var discord = await FakeDiscord.StartAsync();
        discord.HeartbeatIntervalMs = (int)interval.TotalMilliseconds;
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?> { ["Discord:GatewayUrl"] = discord.GatewayUrl }, clock);
        var gateway = bot.Get<DiscordGatewayService>();
        await discord.WaitForAsync(d => d.GatewayReady, "a ready gateway connection");

        for (var beat = 1; beat <= 3; beat++)
        {
            // Small steps, each given a moment for a beat to arrive: the clock must not run a whole interval
            // past a beat whose ACK is still on its way, which would be a zombie verdict Discord never gave.
            var expected = beat;
            await StepUntilAsync(clock, interval / 20, () => discord.Heartbeats >= expected, TimeSpan.FromMilliseconds(100), maxSteps: 40);

            await Poll.UntilAsync(() => gateway.HeartbeatsAcknowledged >= beat, "heartbeat " + beat + " to be acknowledged");
        }

        // Every heartbeat was acknowledged, so the connection was never given up as a zombie.
        Assert.Equal(3, discord.Heartbeats);
        Assert.Equal(0, discord.Resumes);
        Assert.Equal(1, discord.Identifies);
    }

    [Fact]
    public async Task Gateway_UnacknowledgedHeartbeat_ReconnectsAndResumes()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.HeartbeatIntervalMs = 50;
        discord.AckHeartbeats = false;
        await using var bot = await DiscordBotHost.StartAsync(discord);

        await discord.WaitForAsync(d => d.Resumes >= 1, "a resume after a zombie connection");

        Assert.Equal(1, discord.Identifies);
    }

    [Fact]
    public async Task Gateway_ZombieConnections_ReconnectAtOnceWithoutBackoff()
    {
        var interval = TimeSpan.FromSeconds(5);
        var step = TimeSpan.FromMilliseconds(100);
        var clock = new FakeTimeProvider();
        await using var discord = await FakeDiscord.StartAsync();
        discord.HeartbeatIntervalMs = (int)interval.TotalMilliseconds;
        discord.AckHeartbeats = false;
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?> { ["Discord:GatewayUrl"] = discord.GatewayUrl }, clock);
        await discord.WaitForAsync(d => d.GatewayReady, "a ready gateway connection");

        for (var zombie = 1; zombie <= 2; zombie++)
        {
            var beats = discord.Heartbeats;
            var connections = discord.Connections;
            var beatSeen = await StepUntilAsync(clock, step, () => discord.Heartbeats > beats, TimeSpan.FromMilliseconds(50), maxSteps: 80);

            // The unanswered beat is given up on one interval later; jump to just before that.
            clock.Advance(interval - (2 * step));
            var reconnected = await StepUntilAsync(clock, step, () => discord.Connections > connections, TimeSpan.FromSeconds(2), maxSteps: 10);

            // A backoff would hold the reconnect for at least half a second of the (stopped) clock; a zombie
            // is an expected reconnect, so it comes within a step of the verdict, the second time as the first.
            Assert.True(
                reconnected - beatSeen <= interval + step + step,
                $"reconnected {reconnected - beatSeen} after the unanswered beat:\n" + string.Join("\n", bot.Logs.Lines.Where(l => l.Contains("Gateway", StringComparison.Ordinal))));
            await discord.WaitForAsync(d => d.Resumes >= zombie, "resume " + zombie);
        }

        Assert.Equal(1, discord.Identifies);
    }

    /// <summary>Moves the clock a step at a time, giving each step a moment of real time to show its effect; returns the clock when it does.</summary>
    private static async Task<DateTimeOffset> StepUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, TimeSpan realWait, int maxSteps)
    {
        for (var i = 0; i <= maxSteps; i++)
        {
            if (await Poll.TryUntilAsync(condition, realWait))
            {
                return clock.GetUtcNow();
            }

            clock.Advance(step);
        }

        throw new TimeoutException("nothing happened within " + maxSteps + " steps of the clock");
    }
}
