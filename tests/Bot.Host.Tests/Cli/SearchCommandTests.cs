using System.Text.Json;
using Bot.Testing;

namespace Bot.Host.Tests.Cli;

public sealed class SearchCommandTests
{
    [Fact]
    public async Task Search_Json_PrintsTotalAndMarkedSnippets()
    {
        await using var db = await TempDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["Database__Path"] = db.Path };
        var file = Path.Combine(db.Folder, "2024-06-26-alliance.md");
        await File.WriteAllTextAsync(file, "---\ntitle: 朝鲜与俄罗斯结盟\ndate: 2024-06-26\ntags: [朝鲜]\n---\n\n6月19日，俄罗斯总统普京和朝鲜最高领导人金正恩签署了条约。\n");
        var (importExit, _, importErr) = await BotProcess.RunAsync(db.Folder, env, null, "import", file);
        Assert.True(importExit == 0, importErr);

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, env, null, "search", "普京", "tag:朝鲜", "--json", "--limit", "3");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(1, hit.GetProperty("id").GetInt64());
        Assert.Equal("朝鲜与俄罗斯结盟", hit.GetProperty("title").GetString());
        Assert.Contains("俄罗斯总统【普京】和朝鲜", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains("【普京】", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_IndexFromAnOlderVersion_IsRebuiltOnceBeforeSearching()
    {
        await using var db = await TempDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["Database__Path"] = db.Path };
        var file = Path.Combine(db.Folder, "a.md");
        await File.WriteAllTextAsync(file, "---\ntitle: 一\ndate: 2018-06-26\n---\n\n他说 2018 年是关键的一年。\n");
        Assert.Equal(0, (await BotProcess.RunAsync(db.Folder, env, null, "import", file)).ExitCode);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            // What migration 11 leaves in an archive written by an older version: an empty index and no format.
            command.CommandText = "DELETE FROM article_fts; DELETE FROM bot_state WHERE key = 'search.index_format';";
            await command.ExecuteNonQueryAsync();
        }

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, env, null, "search", "2018年", "--json");
        var (_, _, again) = await BotProcess.RunAsync(db.Folder, env, null, "search", "2018年", "--json");
        var (reindexExit, reindexOut, _) = await BotProcess.RunAsync(db.Folder, env, null, "reindex");

        Assert.True(exit == 0, stderr);
        Assert.Contains("rebuilt: 1 articles", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("rebuil", again, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, reindexExit);
        Assert.Contains("Reindexed 1 articles", reindexOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OnlyExclusions_SaysWhyAndExits1()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, new Dictionary<string, string> { ["Database__Path"] = db.Path }, null, "search", "--", "-朝鲜");

        Assert.Equal(1, exit);
        Assert.Contains("exclusions", stderr, StringComparison.Ordinal);
    }
}
