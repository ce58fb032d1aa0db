using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class DigestHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Digest_NeedsASubscription_ThenSetsTheTime_AndSubscriptionsShowsIt()
    {
        Assert.Contains("/subscribe first", ChatBotHarness.TextOf(await _bot.SendAsync("/digest 08:00")), StringComparison.Ordinal);
        await _bot.SendAsync("/subscribe");
        // Replies are Core Markdown: the zone's slash is escaped.
        Assert.Contains("at 08\\:00 (Asia\\/Shanghai)", ChatBotHarness.TextOf(await _bot.SendAsync("/digest 08:00")), StringComparison.Ordinal);
        await _bot.SendAsync("/quiet 23:00-07:30 silent");
        await _bot.SendAsync("/timezone Europe/Berlin");

        var status = ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions"));
        Assert.Contains("digest at 08\\:00", status, StringComparison.Ordinal);
        Assert.Contains("quiet hours 23\\:00\\-07\\:30 (silent)", status, StringComparison.Ordinal);
        Assert.Contains("Europe\\/Berlin", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/digest 25:00")]
    [InlineData("/digest weekly someday 08:00")]
    [InlineData("/digest")]
    public async Task BadInput_GetsAPrivateAnswerWithAnExample(string command)
    {
        await _bot.SendAsync("/subscribe");

        var reply = Assert.Single(await _bot.SendAsync(command));

        var text = Assert.IsType<Reply.Text>(reply);
        Assert.True(text.Ephemeral);
        Assert.Contains("Usage:", text.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_Weekly_IsSetInTheChatsZone_AndOffGoesBackToEachArticle()
    {
        await _bot.SendAsync("/subscribe");

        var weekly = ChatBotHarness.TextOf(await _bot.SendAsync("/digest weekly mon 08:00", user: ChatBotHarness.User(language: "zh-hans")));
        var off = ChatBotHarness.TextOf(await _bot.SendAsync("/digest off"));

        Assert.Equal(UiText.Chinese.DigestSet("mon 08:00", "Asia/Shanghai"), weekly);
        Assert.Equal(UiText.English.DigestOff, off);
        Assert.Contains(UiText.English.Terms(null, null, false, "Asia/Shanghai"), ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_WithoutASubscription_IsAnsweredPrivately()
    {
        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/digest 08:00")));

        Assert.Equal(UiText.English.SubscribeFirst, reply.Markdown);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public void Descriptor_ManagesTheChat_WithTimeAndDay()
    {
        var descriptor = new Core.Commands.Handlers.DigestHandler(null!, null!).Descriptor;

        Assert.Equal("digest", descriptor.Name);
        Assert.True(descriptor.ManagesChat);
        Assert.Equal([OptionNames.Time, OptionNames.Day], descriptor.Options.Select(o => o.Name));
    }
}
