using Bot.Core.Chat;
using Bot.Core.Localization;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class PauseHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ISubscriptionService Subscriptions => _bot.Services.GetRequiredService<ISubscriptionService>();

    [Fact]
    public async Task Pause_WhenNotSubscribed_SaysSo() =>
        Assert.Equal(UiText.English.NotSubscribed, ChatBotHarness.TextOf(await _bot.SendAsync("/pause")));

    [Fact]
    public async Task Pause_KeepsTheSubscription_ButHoldsDeliveries()
    {
        await _bot.SendAsync("/subscribe 朝鲜");

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/pause", user: ChatBotHarness.User(language: "zh-hans")));

        Assert.Equal(UiText.Chinese.Paused, reply);
        var subscription = await Subscriptions.GetAsync(ChatBotHarness.Private(), CancellationToken.None);
        Assert.True(subscription!.Paused);
        Assert.Equal(["朝鲜"], subscription.Filter.Tags);
        Assert.StartsWith(UiText.English.SubscriptionStatus(subscription.Filter, paused: true), ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_InAGroupByANonAdmin_IsRefused_AndDeliveriesGoOn()
    {
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Group(), access: new ScriptedAccess(canManage: true));

        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/pause", chat: ChatBotHarness.Group(), access: new ScriptedAccess(canManage: false))));

        Assert.Equal(UiText.English.NotChatAdmin, reply.Markdown);
        Assert.True(reply.Ephemeral);
        Assert.False((await Subscriptions.GetAsync(ChatBotHarness.Group(), CancellationToken.None))!.Paused);
    }
}
