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

    [Theory]
    [InlineData("Telegram__WebhookUrl", "https://bot.example.org/telegram/webhook", "Telegram:WebhookUrl")]
    [InlineData("Discord__Interactions", "http", "Discord:Interactions")]
    public async Task Run_WebOnlySettingWithoutWebServer_FailsFastNamingBothKeys(string key, string value, string named)
    {
        await using var db = await TempDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Telegram__Token"] = "123456:TEST-token_abcdefghijklmnop",
            ["Discord__Token"] = "discord-test-token",
            [key] = value,
        };

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, environment, null, "run");

        Assert.Equal(2, exit);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains("Web:Urls", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-token", stderr, StringComparison.Ordinal);
    }
}
