using Bot.Core.Localization;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class UnsubscribeHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Unsubscribe_ATagThatIsNotThere_SaysSoAndChangesNothing()
    {
        await _bot.SendAsync("/subscribe 朝鲜 外交");

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/unsubscribe notthere"));

        Assert.Equal(UiText.English.NotInFilter(["notthere"]), reply);
        Assert.DoesNotContain("Removed", reply, StringComparison.Ordinal);
        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default);
        Assert.Equal(["外交", "朝鲜"], subscription!.Filter.Tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unsubscribe_ATagFromAnEverythingSubscription_SaysItIsNotInTheFilter()
    {
        await _bot.SendAsync("/subscribe");

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/unsubscribe 朝鲜", user: ChatBotHarness.User(language: "zh")));

        Assert.Equal(UiText.Chinese.NotInFilter(["朝鲜"]), reply);
        Assert.NotNull(await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default));
    }

    [Fact]
    public async Task Unsubscribe_OneOfTwoTags_KeepsTheOther()
    {
        await _bot.SendAsync("/subscribe 朝鲜 外交");

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/unsubscribe 外交"));

        Assert.Equal(UiText.English.UnsubscribedSome(new SubscriptionFilter(["朝鲜"], [], [])), reply);
    }

    [Fact]
    public async Task Unsubscribe_All_RemovesTheSubscription()
    {
        await _bot.SendAsync("/subscribe 朝鲜");

        Assert.Equal(UiText.English.Unsubscribed, ChatBotHarness.TextOf(await _bot.SendAsync("/unsubscribe all")));
        Assert.Null(await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default));
    }

    [Fact]
    public async Task Unsubscribe_NotSubscribed_SaysSo() =>
        Assert.Equal(UiText.English.NotSubscribed, ChatBotHarness.TextOf(await _bot.SendAsync("/unsubscribe 朝鲜")));
}
