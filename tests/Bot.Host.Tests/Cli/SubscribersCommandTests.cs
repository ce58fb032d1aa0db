using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Testing;
using Bot.Testing.Delivery;

namespace Bot.Host.Tests.Cli;

/// <summary>`bot subscribers export --json` on one server, `bot subscribers import` on another.</summary>
public sealed class SubscribersCommandTests
{
    [Fact]
    public async Task ExportThenImport_MovesTheSubscriptionListToANewDatabase()
    {
        await using var old = await DeliveryHarness.CreateAsync();
        var topic = new ChatRef(Platform.Telegram, "-1001", ChatKind.Group, "77", "读书会");
        await old.Subscriptions.SubscribeAsync(topic, new SubscriptionFilter(["朝鲜"], [], []), default);
        await old.Subscriptions.SubscribeAsync(new ChatRef(Platform.Discord, "720000000000000001", ChatKind.DiscordChannel), SubscriptionFilter.Everything, default);
        await old.Preferences.SetDigestAsync(topic, DigestSchedule.Daily(new TimeOnly(8, 0)), "zh", default);
        var oldEnv = new Dictionary<string, string> { ["Database__Path"] = old.Database.Path };

        var (exportExit, exported, exportErr) = await BotProcess.RunAsync(old.Database.Folder, oldEnv, null, "subscribers", "export", "--json");
        Assert.True(exportExit == 0, exportErr);
        var file = Path.Combine(old.Database.Folder, "subscribers.json");
        await File.WriteAllTextAsync(file, exported);

        await using var fresh = await TempDatabase.CreateAsync();
        var freshEnv = new Dictionary<string, string> { ["Database__Path"] = fresh.Path };
        var (importExit, imported, importErr) = await BotProcess.RunAsync(fresh.Folder, freshEnv, null, "subscribers", "import", file);
        Assert.True(importExit == 0, importErr);
        Assert.Contains("Imported 2 subscriptions: 2 created, 0 updated.", imported, StringComparison.Ordinal);

        var (_, again, _) = await BotProcess.RunAsync(fresh.Folder, freshEnv, null, "subscribers", "export", "--json");
        Assert.Equal(Subscriptions(exported), Subscriptions(again));
        Assert.Contains("\"mode\": \"daily\"", again, StringComparison.Ordinal);

        // The table form names both chats, the topic with its thread.
        var (_, table, _) = await BotProcess.RunAsync(fresh.Folder, freshEnv, null, "subscribers", "export");
        Assert.Contains("-1001/77", table, StringComparison.Ordinal);
        Assert.Contains("2 subscriptions", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ABrokenFile_ExitsOneAndChangesNothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["Database__Path"] = db.Path };

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, env, """{"format":"bot-subscriptions","version":7,"subscriptions":[]}""", "subscribers", "import", "-");

        Assert.Equal(1, exit);
        Assert.Contains("version 7", stderr, StringComparison.Ordinal);
        var (_, after, _) = await BotProcess.RunAsync(db.Folder, env, null, "subscribers", "export");
        Assert.Contains("0 subscriptions", after, StringComparison.Ordinal);
    }

    private static string Subscriptions(string export)
    {
        using var json = JsonDocument.Parse(export);
        return json.RootElement.GetProperty("subscriptions").GetRawText();
    }
}
