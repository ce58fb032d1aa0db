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
            var step = 0;
            while (!await Poll.TryUntilAsync(() => discord.Heartbeats >= beat, TimeSpan.FromMilliseconds(100)))
            {
                Assert.True(++step <= 40, "no heartbeat within two intervals");
                clock.Advance(interval / 20);
            }

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
}
