using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Testing.Delivery;

namespace Bot.Core.Tests.Subscriptions;

/// <summary>`subscribers export` / `import`: a publisher moving to a new server or token keeps who asked for what.</summary>
public sealed class SubscriptionTransferTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ExportThenImport_IntoAnEmptyDatabase_KeepsEverySubscriptionFilterStateAndTerm()
    {
        await using var from = await DeliveryHarness.CreateAsync();
        var topic = new ChatRef(Platform.Telegram, "-1001", ChatKind.Group, "77", "读书会");
        var discord = new ChatRef(Platform.Discord, "720000000000000001", ChatKind.DiscordChannel, null, "general");
        var gone = DeliveryHarness.Private("9");
        await from.Subscriptions.SubscribeAsync(DeliveryHarness.Private("42"), SubscriptionFilter.Everything, None);
        await from.Subscriptions.SubscribeAsync(topic, new SubscriptionFilter(["朝鲜", "Putin"], ["老王"], ["导弹"]), None);
        await from.Subscriptions.SubscribeAsync(discord, new SubscriptionFilter(["经济"], [], []), None);
        await from.Subscriptions.SubscribeAsync(gone, SubscriptionFilter.Everything, None);
        await from.Subscriptions.SetPausedAsync(discord, true, None);
        await from.Subscriptions.DeactivateChatAsync(Platform.Telegram, "9", ChatGoneKind.BlockedByUser, "bot blocked by the user", None);
        await from.Preferences.SetTimeZoneAsync(topic, "Europe/Berlin", None);
        await from.Preferences.SetDigestAsync(topic, DigestSchedule.Weekly(DayOfWeek.Friday, new TimeOnly(18, 30)), "zh", None);
        await from.Preferences.SetQuietAsync(topic, new QuietWindow(new TimeOnly(23, 0), new TimeOnly(7, 0), Silent: true), None);
        var exported = await Transfer(from).ExportAsync(None);

        await using var to = await DeliveryHarness.CreateAsync();
        var file = JsonSerializer.Serialize(exported, SubscriptionTransfer.Json);
        var summary = await Transfer(to).ImportAsync(SubscriptionTransfer.Parse(file), None);

        Assert.Equal(new SubscriptionImportSummary(4, 0), summary);
        var again = await Transfer(to).ExportAsync(None);
        Assert.Equal(Canonical(exported), Canonical(again));

        var moved = await to.Subscriptions.GetAsync(topic, None);
        Assert.NotNull(moved);
        Assert.Equal(["Putin", "朝鲜"], moved.Filter.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(DigestSchedule.Weekly(DayOfWeek.Friday, new TimeOnly(18, 30)), moved.Preferences.Digest);
        Assert.Equal(new QuietWindow(new TimeOnly(23, 0), new TimeOnly(7, 0), true), moved.Preferences.Quiet);
        Assert.Equal("Europe/Berlin", moved.Preferences.TimeZone);
        Assert.True((await to.Subscriptions.GetAsync(discord, None))!.Paused);
        var stopped = (await to.Subscriptions.GetAsync(gone, None))!;
        Assert.False(stopped.Active);
        Assert.Equal(ChatGoneKind.BlockedByUser, stopped.DeactivatedKind);
        Assert.Equal("bot blocked by the user", stopped.DeactivatedReason);

        // The next digest is scheduled on the new database, so the digest maker will find it.
        var next = await to.ScalarAsync<long>("SELECT digest_next_at FROM subscriptions WHERE chat_id = '-1001'");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(next), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((DayOfWeek.Friday, 18, 30), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.True(DateTimeOffset.FromUnixTimeMilliseconds(next) > to.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Import_Twice_UpdatesInsteadOfDoubling_AndLeavesOtherChatsAlone()
    {
        await using var from = await DeliveryHarness.CreateAsync();
        await from.Subscriptions.SubscribeAsync(DeliveryHarness.Private("42"), new SubscriptionFilter(["a"], [], []), None);
        var file = SubscriptionTransfer.Parse(JsonSerializer.Serialize(await Transfer(from).ExportAsync(None), SubscriptionTransfer.Json));

        await using var to = await DeliveryHarness.CreateAsync();
        await to.Subscriptions.SubscribeAsync(DeliveryHarness.Private("42"), new SubscriptionFilter(["old"], [], []), None);
        await to.Subscriptions.SubscribeAsync(DeliveryHarness.Private("7"), SubscriptionFilter.Everything, None);

        Assert.Equal(new SubscriptionImportSummary(0, 1), await Transfer(to).ImportAsync(file, None));
        Assert.Equal(new SubscriptionImportSummary(0, 1), await Transfer(to).ImportAsync(file, None));

        Assert.Equal(2L, await to.ScalarAsync<long>("SELECT count(*) FROM subscriptions"));
        Assert.Equal(["a"], (await to.Subscriptions.GetAsync(DeliveryHarness.Private("42"), None))!.Filter.Tags);
        Assert.NotNull(await to.Subscriptions.GetAsync(DeliveryHarness.Private("7"), None));
    }

    [Fact]
    public void Parse_AFileFromBeforeDigests_MeansInstant()
    {
        const string file = """
            {"format":"bot-subscriptions","version":1,"exported":"2026-11-01T00:00:00+00:00","subscriptions":[
              {"platform":"telegram","chat":{"id":"42","thread":null,"kind":"private","title":null},
               "filters":{"tags":[],"authors":[],"keywords":[]},
               "state":{"paused":false,"active":true,"deactivatedReason":null,"created":"2026-10-01T00:00:00+00:00"}}]}
            """;

        var export = SubscriptionTransfer.Parse(file);

        Assert.Null(Assert.Single(export.Subscriptions).Delivery);
    }

    [Theory]
    [InlineData(null, ChatGoneKind.Other)]
    [InlineData("removed", ChatGoneKind.RemovedFromChat)]
    [InlineData("exploded", ChatGoneKind.Other)]
    public async Task Import_AStoppedSubscription_KeepsAKnownKind_AndAnUnknownOrMissingOneIsOther(string? kind, ChatGoneKind expected)
    {
        var kindJson = kind is null ? string.Empty : $",\"deactivatedKind\":\"{kind}\"";
        var file = $$$"""
            {"format":"bot-subscriptions","version":1,"exported":"2026-11-01T00:00:00+00:00","subscriptions":[
              {"platform":"telegram","chat":{"id":"9","thread":null,"kind":"private","title":null},
               "filters":{"tags":[],"authors":[],"keywords":[]},
               "state":{"paused":false,"active":false,"deactivatedReason":"Forbidden: gone","created":"2026-10-01T00:00:00+00:00"{{{kindJson}}}}}]}
            """;
        await using var to = await DeliveryHarness.CreateAsync();

        await Transfer(to).ImportAsync(SubscriptionTransfer.Parse(file), None);

        var stopped = (await to.Subscriptions.GetAsync(DeliveryHarness.Private("9"), None))!;
        Assert.False(stopped.Active);
        Assert.Equal(expected, stopped.DeactivatedKind);
        Assert.Equal("Forbidden: gone", stopped.DeactivatedReason);
    }

    [Theory]
    [InlineData("not json", "Not a subscription export")]
    [InlineData("""{"format":"something-else","version":1,"subscriptions":[]}""", "\"format\" must be")]
    [InlineData("""{"format":"bot-subscriptions","version":99,"subscriptions":[]}""", "version 99")]
    [InlineData("""{"format":"bot-subscriptions","version":1,"subscriptions":[{"platform":"icq","chat":{"id":"1","kind":"private"},"filters":{"tags":[],"authors":[],"keywords":[]},"state":{"paused":false,"active":true,"created":"2026-10-01T00:00:00Z"}}]}""", "unknown platform 'icq'")]
    [InlineData("""{"format":"bot-subscriptions","version":1,"subscriptions":[{"platform":"telegram","chat":{"id":"1","kind":"private"},"filters":{"tags":[],"authors":[],"keywords":[]},"state":{"paused":false,"active":true,"created":"2026-10-01T00:00:00Z"},"delivery":{"mode":"weekly","at":"08:00","day":"someday"}}]}""", "delivery.day")]
    [InlineData("""{"format":"bot-subscriptions","version":1,"subscriptions":[{"platform":"telegram","chat":{"id":"1","kind":"private"},"filters":{"tags":[],"authors":[],"keywords":[]},"state":{"paused":false,"active":true,"created":"2026-10-01T00:00:00Z"},"delivery":{"mode":"daily","at":"25:00"}}]}""", "delivery.at")]
    [InlineData("""{"format":"bot-subscriptions","version":1,"subscriptions":[{"platform":"telegram","chat":{"id":"1","kind":"private"},"filters":{"tags":[],"authors":[],"keywords":[]},"state":{"paused":false,"active":true,"created":"2026-10-01T00:00:00Z"},"delivery":{"mode":"instant","time_zone":"Mars/Olympus"}}]}""", "Mars/Olympus")]
    public void Parse_NotAnExport_SaysWhatIsWrong(string file, string message)
    {
        var e = Assert.Throws<FormatException>(() => SubscriptionTransfer.Parse(file));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static SubscriptionTransfer Transfer(DeliveryHarness h) => new(h.Database.Database, h.Zones, h.Clock);

    /// <summary>The file minus its own date, with subscriptions in a stable order.</summary>
    private static string Canonical(SubscriptionExport export) =>
        JsonSerializer.Serialize(export with { Exported = default, Subscriptions = [.. export.Subscriptions.OrderBy(s => s.Platform).ThenBy(s => s.Chat.Id, StringComparer.Ordinal)] });
}
