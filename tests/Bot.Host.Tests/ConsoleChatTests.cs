using Bot.Testing;

namespace Bot.Host.Tests;

/// <summary>The README's run command without any token: the console chat, driven through piped input.</summary>
public sealed class ConsoleChatTests
{
    private static Dictionary<string, string> Environment(TempDatabase db) => new() { ["Database__Path"] = db.Path, ["Console__Language"] = "en" };

    [Fact]
    public async Task Console_FirstRun_ImportsSamplesAndAnswersSearch()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, Environment(db), "/latest 3\n/search 朝鲜\n/tags\n", "console");

        Assert.Equal(0, exit);
        Assert.Contains("sample articles", stderr, StringComparison.Ordinal);
        Assert.Contains("Newest articles", stdout, StringComparison.Ordinal);
        Assert.Contains("results for 朝鲜", stdout, StringComparison.Ordinal);
        Assert.Contains("/read ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_NoArguments_IsTheConsoleChatWhenNoTokenIsSet()
    {
        await using var db = await TempDatabase.CreateAsync();

        var (exit, stdout, _) = await BotProcess.RunAsync(db.Folder, Environment(db), "/help\n");

        Assert.Equal(0, exit);
        Assert.Contains("/subscribe", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_PostPublishAndSubscribe_PrintsThePushedArticle()
    {
        await using var db = await TempDatabase.CreateAsync();
        var file = Path.Combine(db.Folder, "新文章.md");
        await File.WriteAllTextAsync(file, "---\ntitle: \"控制台 <b>测试</b>\"\nauthor: 编辑部\ntags: [测试]\n---\n\n这是一篇从控制台发布的文章。\n");

        // Two runs, as two sessions of the same operator: the draft and the subscription are in the database.
        var (_, preview, _) = await BotProcess.RunAsync(db.Folder, Environment(db), $"/subscribe 测试\n/post\n{file}\n", "console");
        var id = DraftId(preview);
        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, Environment(db), $"/press pub:{id}\n", "console");

        Assert.Equal(0, exit);
        Assert.Contains("控制台 <b>测试</b>", preview, StringComparison.Ordinal);
        Assert.Contains($"Published #{id}: sending to 1 chat(s).", stdout, StringComparison.Ordinal);
        Assert.Contains("new article", stdout, StringComparison.Ordinal);
        Assert.Contains("这是一篇从控制台发布的文章。", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Console_HostileLines_NeverCrash()
    {
        await using var db = await TempDatabase.CreateAsync();
        var input = string.Join('\n', "/read abc", "/read 999999", "/search \"unbalanced", "/search NEAR(a b) OR *", "/unknown", "just text", "/press nonsense", "/schedule 1 yesterday", "/retract", "/latest -5", new string('长', 20_000), "/search " + new string('朝', 10_000)) + "\n";

        var (exit, stdout, stderr) = await BotProcess.RunAsync(db.Folder, Environment(db), input, "console");

        Assert.Equal(0, exit);
        Assert.Contains("There is no article #999999", stdout, StringComparison.Ordinal);
        Assert.Contains("I don't know /unknown", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", stdout, StringComparison.Ordinal);
    }

    private static long DraftId(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Preview of draft #(\d+)");
        Assert.True(match.Success, "no preview in: " + output);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
