using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Commands;

/// <summary>/digest, /quiet, /timezone and /subscribe … digest: through the real pipeline.</summary>
public sealed class DeliveryTermsCommandTests
{
    [Fact]
    public async Task Digest_NeedsASubscription_ThenSetsTheTime_AndSubscriptionsShowsIt()
    {
        await using var h = await ChatBotHarness.CreateAsync();

        Assert.Contains("/subscribe first", ChatBotHarness.TextOf(await h.SendAsync("/digest 08:00")), StringComparison.Ordinal);
        await h.SendAsync("/subscribe");
        // Replies are Core Markdown: the zone's slash is escaped.
        Assert.Contains("at 08\\:00 (Asia\\/Shanghai)", ChatBotHarness.TextOf(await h.SendAsync("/digest 08:00")), StringComparison.Ordinal);
        await h.SendAsync("/quiet 23:00-07:30 silent");
        await h.SendAsync("/timezone Europe/Berlin");

        var status = ChatBotHarness.TextOf(await h.SendAsync("/subscriptions"));
        Assert.Contains("digest at 08\\:00", status, StringComparison.Ordinal);
        Assert.Contains("quiet hours 23\\:00\\-07\\:30 (silent)", status, StringComparison.Ordinal);
        Assert.Contains("Europe\\/Berlin", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/digest 25:00")]
    [InlineData("/digest weekly someday 08:00")]
    [InlineData("/digest")]
    [InlineData("/quiet 23:00")]
    [InlineData("/quiet 08:00-08:00")]
    [InlineData("/quiet 23:00-08:00 loud")]
    public async Task BadInput_GetsAPrivateAnswerWithAnExample(string command)
    {
        await using var h = await ChatBotHarness.CreateAsync();
        await h.SendAsync("/subscribe");

        var reply = Assert.Single(await h.SendAsync(command));

        var text = Assert.IsType<Reply.Text>(reply);
        Assert.True(text.Ephemeral);
        Assert.Contains("Usage:", text.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Unknown_IsRefusedWithAnExample_InTheUsersLanguage()
    {
        await using var h = await ChatBotHarness.CreateAsync();
        await h.SendAsync("/subscribe");

        var text = ChatBotHarness.TextOf(await h.SendAsync("/timezone Mars/Base", user: ChatBotHarness.User(language: "zh-hans")));

        Assert.Contains("不认识时区", text, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeWithDigest_SubscribesAndSetsTheDigest_WithoutATagNamedDigest()
    {
        await using var h = await ChatBotHarness.CreateAsync();

        Assert.Contains("Usage:", ChatBotHarness.TextOf(await h.SendAsync("/subscribe 朝鲜 digest:weekly")), StringComparison.Ordinal);
        Assert.Contains("not subscribed", ChatBotHarness.TextOf(await h.SendAsync("/subscriptions")), StringComparison.Ordinal);
        await h.SendAsync("/subscribe 朝鲜 digest:08:00");

        var status = ChatBotHarness.TextOf(await h.SendAsync("/subscriptions"));
        Assert.Contains("朝鲜", status, StringComparison.Ordinal);
        Assert.DoesNotContain("digest:", status, StringComparison.Ordinal);
        Assert.Contains("digest at 08\\:00", status, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandsCarryTheirDescriptors()
    {
        var descriptors = new ICommandHandler[]
        {
            new Core.Commands.Handlers.DigestHandler(null!, null!),
            new Core.Commands.Handlers.QuietHandler(null!, null!),
            new Core.Commands.Handlers.TimeZoneHandler(null!, TimeProvider.System),
        }.Select(h => h.Descriptor).ToList();

        Assert.Equal(["digest", "quiet", "timezone"], descriptors.Select(d => d.Name));
        Assert.All(descriptors, d => Assert.True(d.ManagesChat));
        Assert.Equal([OptionNames.Time, OptionNames.Day], descriptors[0].Options.Select(o => o.Name));
        Assert.Equal([OptionNames.Hours, OptionNames.Mode], descriptors[1].Options.Select(o => o.Name));
    }

    [Theory]
    [InlineData("08:00", DeliveryMode.Daily, "08:00")]
    [InlineData("daily 7:30", DeliveryMode.Daily, "07:30")]
    [InlineData("weekly mon 08:00", DeliveryMode.Weekly, "mon 08:00")]
    [InlineData("Friday 18:00", DeliveryMode.Weekly, "fri 18:00")]
    public void DigestTimes_AreRead(string typed, DeliveryMode mode, string display)
    {
        Assert.True(DeliveryTermsParser.TryParseDigest(typed, out var schedule));
        Assert.Equal(mode, schedule!.Mode);
        Assert.Equal(display, schedule.Display);
    }
}
