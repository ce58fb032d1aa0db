using Bot.Host.Cli;
using Bot.Testing;

namespace Bot.Host.Tests.Cli;

public sealed class BotCliTests
{
    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--Database:Path=/tmp/x.db" }, null)]
    [InlineData(new[] { "--Database:Path", "/tmp/x.db" }, null)]
    [InlineData(new[] { "sourcez" }, "sourcez")]
    [InlineData(new[] { "--Database:Path", "/tmp/x.db", "sourcez" }, "sourcez")]
    [InlineData(new[] { "--Bot:Admins=telegram:1", "improt", "a.md" }, "improt")]
    public void StrayWord_IsTheFirstWordThatIsNotConfiguration(string[] tokens, string? expected) =>
        Assert.Equal(expected, BotCli.StrayWord(tokens));

    [Fact]
    public async Task UnknownCommand_PrintsTheCommandsAndExits2()
    {
        await using var db = await TempDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["Database__Path"] = db.Path };

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, env, "/help\n", "sourcez");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown command 'sourcez'", stderr, StringComparison.Ordinal);
        Assert.Contains("import", stderr, StringComparison.Ordinal);
        Assert.Contains("search", stderr, StringComparison.Ordinal);
        // The console chat did not open and answer the piped /help.
        Assert.DoesNotContain("/subscribe", stdout, StringComparison.Ordinal);
    }
}
