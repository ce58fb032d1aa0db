using Bot.Testing;

namespace Bot.Host.Tests;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Run_WithoutAnyToken_ExplainsWhatToSetAndExits2()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, new Dictionary<string, string>(), null, "run");

        Assert.Equal(2, exit);
        Assert.Contains("Telegram__Token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_WithBadAdminList_FailsFastNamingTheKey()
    {
        await using var db = await TempDatabase.CreateAsync();
        var environment = new Dictionary<string, string> { ["Bot__Admins"] = "slack:42", ["Database__Path"] = db.Path };

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, environment, "/help\n", "console");

        Assert.Equal(2, exit);
        Assert.Contains("Bot:Admins", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("at Bot.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/search", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_WithUnknownTimeZone_FailsFastNamingTheKey()
    {
        await using var db = await TempDatabase.CreateAsync();
        var environment = new Dictionary<string, string> { ["Bot__TimeZone"] = "Mars/Olympus", ["Database__Path"] = db.Path };

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, environment, "/help\n", "console");

        Assert.Equal(2, exit);
        Assert.Contains("Bot:TimeZone", stderr, StringComparison.Ordinal);
    }
}
