using Bot.Core.Chat;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class SubscriptionsHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ISubscriptionService Subscriptions => _bot.Services.GetRequiredService<ISubscriptionService>();

    [Fact]
    public async Task Stopped_ExplainsWhyInTheReadersLanguage_WithoutThePlatformsEnglish()
    {
        await _bot.SendAsync("/subscribe");
        await Subscriptions.DeactivateChatAsync(Platform.Telegram, ChatBotHarness.Private().ChatId, ChatGoneKind.BlockedByUser, "Forbidden: bot was blocked by the user", default);

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions", user: ChatBotHarness.User(language: "zh")));

        Assert.Equal(UiText.Chinese.SubscriptionDeactivated(ChatGoneKind.BlockedByUser, null), reply);
        Assert.DoesNotContain("Forbidden", reply, StringComparison.Ordinal);
        Assert.Contains("屏蔽", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopped_ForAReasonThePlatformGaveInItsOwnWords_QuotesThemEscaped()
    {
        await _bot.SendAsync("/subscribe");
        await Subscriptions.DeactivateChatAsync(Platform.Telegram, ChatBotHarness.Private().ChatId, ChatGoneKind.Other, "Forbidden: *odd* [reason]", default);

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions"));

        Assert.Equal(UiText.English.SubscriptionDeactivated(ChatGoneKind.Other, "Forbidden: *odd* [reason]"), reply);
        Assert.Contains(MarkdownText.Escape("Forbidden: *odd* [reason]"), reply, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKind_HasItsOwnSentence_InBothLanguages()
    {
        foreach (var text in new[] { UiText.English, UiText.Chinese })
        {
            var sentences = Enum.GetValues<ChatGoneKind>().ToDictionary(k => k, k => text.SubscriptionDeactivated(k, "platform words"));
            Assert.Equal(sentences.Count, sentences.Values.Distinct(StringComparer.Ordinal).Count());
            Assert.All(sentences.Where(s => s.Key != ChatGoneKind.Other), s => Assert.DoesNotContain("platform words", s.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Resubscribing_ClearsTheReason()
    {
        await _bot.SendAsync("/subscribe");
        await Subscriptions.DeactivateChatAsync(Platform.Telegram, ChatBotHarness.Private().ChatId, ChatGoneKind.RemovedFromChat, "kicked", default);
        await _bot.SendAsync("/subscribe");

        var subscription = await Subscriptions.GetAsync(ChatBotHarness.Private(), default);

        Assert.True(subscription!.Active);
        Assert.Equal(ChatGoneKind.Other, subscription.DeactivatedKind);
        Assert.Null(subscription.DeactivatedReason);
    }
}
