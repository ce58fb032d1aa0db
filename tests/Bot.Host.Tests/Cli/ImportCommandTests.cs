using System.Text.Json;
using Bot.Testing;

namespace Bot.Host.Tests.Cli;

/// <summary>`bot import` run as a child process, as an operator runs it.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_FolderWithABrokenFile_PrintsJsonSummaryAndExits1()
    {
        await using var db = await TempDatabase.CreateAsync();
        var archive = Directory.CreateDirectory(Path.Combine(db.Folder, "archive")).FullName;
        await File.WriteAllTextAsync(Path.Combine(archive, "good.md"), "---\ntitle: 好文章\ntags: [朝鲜, 普京]\ndate: 2024-06-26 10:00\n---\n正文\n");
        Directory.CreateDirectory(Path.Combine(archive, "talks"));
        await File.WriteAllTextAsync(Path.Combine(archive, "talks", "talk.txt"), "大家好 今天聊俄罗斯");
        await File.WriteAllTextAsync(Path.Combine(archive, "broken.md"), "---\ntitle: never closed\n");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, Env(db), null, "import", archive, "--json");

        Assert.True(exit == 1, $"exit {exit}, stderr: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("updated").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("unchanged").GetInt32());
        var failed = Assert.Single(json.RootElement.GetProperty("failed").EnumerateArray());
        Assert.EndsWith("broken.md", failed.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("never closed", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", stderr, StringComparison.Ordinal);

        File.Delete(Path.Combine(archive, "broken.md"));
        var (againExit, again, _) = await BotProcess.RunAsync(db.Folder, Env(db), null, "import", archive, "--json");

        Assert.Equal(0, againExit);
        Assert.Equal("""{"imported":0,"updated":0,"unchanged":2,"failed":[]}""", again.Trim());
    }

    [Fact]
    public async Task Import_TextSummaryWithConfigOverrideAfterThePaths_UsesThatDatabase()
    {
        await using var db = await TempDatabase.CreateAsync();
        var file = Path.Combine(db.Folder, "one.md");
        await File.WriteAllTextAsync(file, "# One\n\nbody\n");
        var other = Path.Combine(db.Folder, "other", "bot.db");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, Env(db), null, "import", file, Path.Combine(db.Folder, "missing"), $"--Database:Path={other}");

        Assert.True(exit == 1, $"exit {exit}, stderr: {stderr}");
        Assert.Matches(@"imported\s+1", stdout);
        Assert.Matches(@"failed\s+1", stdout);
        Assert.Contains("missing: no such file or folder", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(other));
    }

    private static Dictionary<string, string> Env(TempDatabase db) => new() { ["Database__Path"] = db.Path };
}
