using System.Text.Json;
using Bot.Testing;

namespace Bot.Host.Tests.Cli;

public sealed class ArticlesCommandTests
{
    [Fact]
    public async Task Articles_ListAndShow_PrintWhatWasImported()
    {
        await using var db = await TempDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["Database__Path"] = db.Path };
        var file = Path.Combine(db.Folder, "2024-06-26-alliance.md");
        await File.WriteAllTextAsync(file, "---\ntitle: \"朝鲜与俄罗斯 <b>结盟</b>\"\nauthor: 倪某\ndate: 2024-06-26T13:51:49+00:00\ntags: [朝鲜, 普京]\nlayput: post\n---\n\n正文第一段。\n");
        var (importExit, _, importErr) = await BotProcess.RunAsync(db.Folder, env, null, "import", file);
        Assert.True(importExit == 0, importErr);

        var (listExit, list, _) = await BotProcess.RunAsync(db.Folder, env, null, "articles", "list", "--json");
        var (showExit, show, _) = await BotProcess.RunAsync(db.Folder, env, null, "articles", "show", "1", "--json");
        var (textExit, text, _) = await BotProcess.RunAsync(db.Folder, env, null, "articles", "show", "1");

        Assert.Equal((0, 0, 0), (listExit, showExit, textExit));
        using var listed = JsonDocument.Parse(list);
        var row = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal(1, row.GetProperty("id").GetInt64());
        Assert.Equal("朝鲜与俄罗斯 <b>结盟</b>", row.GetProperty("title").GetString());
        Assert.Equal("倪某", row.GetProperty("author").GetString());
        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero), row.GetProperty("published").GetDateTimeOffset());
        Assert.Equal(["普京", "朝鲜"], row.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("2024-06-26-alliance.md", row.GetProperty("source").GetString());

        using var shown = JsonDocument.Parse(show);
        Assert.Equal("正文第一段。", shown.RootElement.GetProperty("body").GetString());
        Assert.Equal("post", shown.RootElement.GetProperty("extra").GetProperty("layput").GetString());
        Assert.Equal("alliance", shown.RootElement.GetProperty("slug").GetString());
        Assert.Contains("author:      倪某", text, StringComparison.Ordinal);
        Assert.Contains("正文第一段。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlesShow_UnknownId_SaysSoAndExits1()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, new Dictionary<string, string> { ["Database__Path"] = db.Path }, null, "articles", "show", "404");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains("No article 404.", stderr, StringComparison.Ordinal);
    }
}
