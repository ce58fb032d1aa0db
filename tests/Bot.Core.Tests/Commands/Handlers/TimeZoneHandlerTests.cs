using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class TimeZoneHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TimeZone_Unknown_IsRefusedWithAnExample_InTheUsersLanguage()
    {
        await _bot.SendAsync("/subscribe");

        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/timezone Mars/Base", user: ChatBotHarness.User(language: "zh-hans")));

        Assert.Contains("不认识时区", text, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Known_IsSet_AndSaysTheTimeThereNow()
    {
        await _bot.SendAsync("/subscribe");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var localNow = TimeZoneInfo.ConvertTime(_bot.Clock.GetUtcNow(), berlin).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/timezone Europe/Berlin"));

        Assert.Equal(UiText.English.TimeZoneSet("Europe/Berlin", localNow), reply);
        Assert.Contains(UiText.English.Terms(null, null, false, "Europe/Berlin"), ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_WithoutAName_GetsTheUsagePrivately()
    {
        await _bot.SendAsync("/subscribe");

        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/timezone")));

        Assert.Equal(UiText.English.TimeZoneUsage, reply.Markdown);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task TimeZone_WithoutASubscription_SaysSubscribeFirst() =>
        Assert.Equal(UiText.English.SubscribeFirst, ChatBotHarness.TextOf(await _bot.SendAsync("/timezone Europe/Berlin")));

    [Fact]
    public void Descriptor_ManagesTheChat()
    {
        var descriptor = new Core.Commands.Handlers.TimeZoneHandler(null!, TimeProvider.System).Descriptor;

        Assert.Equal("timezone", descriptor.Name);
        Assert.True(descriptor.ManagesChat);
    }
}
