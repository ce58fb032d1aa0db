using Bot.Core.Localization;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class ResumeHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Resume_WhenNotSubscribed_SaysSo() =>
        Assert.Equal(UiText.Chinese.NotSubscribed, ChatBotHarness.TextOf(await _bot.SendAsync("/resume", user: ChatBotHarness.User(language: "zh-hans"))));

    [Fact]
    public async Task Resume_AfterPause_LetsDeliveriesFlowAgain()
    {
        await _bot.SendAsync("/subscribe");
        await _bot.SendAsync("/pause");

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/resume"));

        Assert.Equal(UiText.English.Resumed, reply);
        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), CancellationToken.None);
        Assert.True(subscription!.Active);
        Assert.False(subscription.Paused);
    }
}
