using System.Text.Json.Nodes;
using Bot.Core.Hosting;
using Bot.Discord.Gateway;
using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>The gateway client against a fake that reconnects, invalidates and closes as Discord's gateway documentation says.</summary>
public sealed class GatewayRecoveryTests
{
    [Fact]
    public async Task Heartbeat_RequestedBeforeAnySequence_CarriesNullD()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.RequestHeartbeatOnHello = true;
        await using var bot = await DiscordBotHost.StartAsync(discord);

        await discord.WaitForAsync(d => d.Heartbeats >= 1 && d.GatewayReady, "a heartbeat and a session");

        Assert.Equal(0, discord.HeartbeatsWithoutD);
    }

    [Theory]
    [InlineData(4004, "Authentication failed")]
    [InlineData(4014, "Disallowed intents")]
    public async Task FatalClose_StopsTheBotNamingTheCause(int code, string cause)
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await discord.WaitForAsync(d => d.GatewayReady, "a session");

        await discord.CloseGatewayAsync(code);

        var failure = bot.Get<ApplicationFailure>();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            // Nothing changes on the fake when the bot gives up, so the bot's side is polled.
            while (failure.Cause is null)
            {
                await Task.Delay(10, limit.Token);
            }
        }

        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Cause, StringComparison.Ordinal);
        Assert.Contains(cause, failure.Cause, StringComparison.Ordinal);
        Assert.Equal(1, discord.Connections);
    }

    [Fact]
    public async Task Close4009_IdentifiesAnewWithoutResuming()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await discord.WaitForAsync(d => d.GatewayReady, "a session");

        await discord.CloseGatewayAsync(4009);

        await discord.WaitForAsync(d => d.Identifies == 2 && d.GatewayReady, "a second identify", TimeSpan.FromSeconds(30));
        Assert.Equal(0, discord.Resumes);
        Assert.Equal(0, discord.IdentifiesTooSoon);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesAndReceivesTheEventsItMissed()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.AddChannel(new FakeChannel(FakeInteractions.ChannelId, FakeInteractions.GuildId, "general"));
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await WaitForSessionAsync(bot);

        // The client's RESUME is held until the event is in place, so it is missed for certain, not
        // delivered live because the client came back first.
        discord.ResumeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await discord.SendToClientAsync(new JsonObject { ["op"] = 7, ["d"] = null });
        var missed = FakeInteractions.SlashCommand("help");
        await discord.WaitForAsync(d => d.ResumesReceived == 1, "the client to come back and resume");
        discord.DispatchWhileDisconnected("INTERACTION_CREATE", missed);
        discord.ResumeGate.SetResult();

        await discord.WaitForAsync(d => d.Resumes == 1, "a resume");
        await discord.WaitForAsync(d => d.CallsFor(FakeInteractions.TokenOf(missed)).Any(), "the missed interaction answered");
        Assert.Equal(1, discord.Identifies);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgainNoSoonerThanDiscordAllows()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await WaitForSessionAsync(bot);

        await discord.SendToClientAsync(new JsonObject { ["op"] = 9, ["d"] = false });

        await discord.WaitForAsync(d => d.Identifies == 2 && d.GatewayReady, "a second identify", TimeSpan.FromSeconds(30));
        Assert.Equal(0, discord.IdentifiesTooSoon);
        Assert.Equal(0, discord.Resumes);
    }

    [Fact]
    public async Task Resume_UrlUnreachable_FallsBackToGatewayBotAndIdentifies()
    {
        await using var discord = await FakeDiscord.StartAsync();

        // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
        discord.ResumeUrlOverride = "ws://127.0.0.1:9/gateway";
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await WaitForSessionAsync(bot);
        var lookups = discord.RequestCount("GET /gateway/bot");

        discord.DropConnection();

        await discord.WaitForAsync(d => d.Identifies == 2 && d.GatewayReady, "a new session", TimeSpan.FromSeconds(30));
        Assert.True(discord.RequestCount("GET /gateway/bot") > lookups);
        Assert.Equal(0, discord.IdentifiesTooSoon);
    }

    private static async Task WaitForSessionAsync(DiscordBotHost bot)
    {
        var gateway = bot.Get<DiscordGatewayService>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!gateway.HasSession)
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
