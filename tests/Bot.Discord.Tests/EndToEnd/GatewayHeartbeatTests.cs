using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>Heartbeats against a fake gateway that asks for a short interval.</summary>
public sealed class GatewayHeartbeatTests
{
    [Fact]
    public async Task Gateway_Heartbeats_AreSentAndAcknowledged()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.HeartbeatIntervalMs = 200;
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?> { ["Discord:GatewayUrl"] = discord.GatewayUrl });

        await discord.WaitForAsync(d => d.Heartbeats >= 3, "three heartbeats");

        // Every heartbeat was acknowledged, so the connection was never given up as a zombie.
        Assert.Equal(0, discord.Resumes);
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
