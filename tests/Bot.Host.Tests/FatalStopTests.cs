using Bot.Testing;
using Bot.Testing.Discord;

namespace Bot.Host.Tests;

/// <summary>A failure a restart cannot mend stops `bot run` with a non-zero exit code, so a supervisor sees it.</summary>
public sealed class FatalStopTests
{
    [Fact]
    public async Task Run_DiscordRejectsTheToken_ExitsWithCode3NamingTheCause()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var discord = await FakeDiscord.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Discord__Token"] = "reset-in-the-portal",
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
        };

        var (exitCode, stdout, stderr) = await BotProcess.RunAsync(db.Folder, environment, null, "run");

        Assert.Equal(3, exitCode);
        Assert.Contains("401", stderr, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-in-the-portal", stdout + stderr, StringComparison.Ordinal);

        // The first 401 stops the client: no request is repeated with a token Discord has refused.
        Assert.InRange(discord.InvalidRequests, 1, 2);
    }
}
