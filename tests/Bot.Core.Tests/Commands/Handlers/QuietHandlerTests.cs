using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class QuietHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/quiet 23:00")]
    [InlineData("/quiet 08:00-08:00")]
    [InlineData("/quiet 23:00-08:00 loud")]
    public async Task BadInput_GetsAPrivateAnswerWithAnExample(string command)
    {
        await _bot.SendAsync("/subscribe");

        var reply = Assert.Single(await _bot.SendAsync(command));

        var text = Assert.IsType<Reply.Text>(reply);
        Assert.True(text.Ephemeral);
        Assert.Contains("Usage:", text.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_SetsTheWindow_WaitingOrSilent_AndOffEndsIt()
    {
        await _bot.SendAsync("/subscribe");

        var waiting = ChatBotHarness.TextOf(await _bot.SendAsync("/quiet 23:00-08:00"));
        var silent = ChatBotHarness.TextOf(await _bot.SendAsync("/quiet 22:30-07:00 silent", user: ChatBotHarness.User(language: "zh-hans")));
        var off = ChatBotHarness.TextOf(await _bot.SendAsync("/quiet off"));

        Assert.Equal(UiText.English.QuietSet("23:00-08:00", silent: false, "Asia/Shanghai"), waiting);
        Assert.Equal(UiText.Chinese.QuietSet("22:30-07:00", silent: true, "Asia/Shanghai"), silent);
        Assert.Equal(UiText.English.QuietOff, off);
        Assert.Contains(UiText.English.Terms(null, null, false, "Asia/Shanghai"), ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_WithoutASubscription_IsAnsweredPrivately()
    {
        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/quiet 23:00-08:00")));

        Assert.Equal(UiText.English.SubscribeFirst, reply.Markdown);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public void Descriptor_ManagesTheChat_WithHoursAndMode()
    {
        var descriptor = new Core.Commands.Handlers.QuietHandler(null!, null!).Descriptor;

        Assert.Equal("quiet", descriptor.Name);
        Assert.True(descriptor.ManagesChat);
        Assert.Equal([OptionNames.Hours, OptionNames.Mode], descriptor.Options.Select(o => o.Name));
    }
}
