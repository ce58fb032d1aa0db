using Bot.Core.Articles;
using Bot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class CancelHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Cancel_WithNothingPending_SaysSo_InTheUsersLanguage()
    {
        Assert.Equal(UiText.English.PostNothingToCancel, ChatBotHarness.TextOf(await _bot.SendAsync("/cancel")));
        Assert.Equal(UiText.Chinese.PostNothingToCancel, ChatBotHarness.TextOf(await _bot.SendAsync("/cancel", user: ChatBotHarness.User(language: "zh-hans"))));
    }

    [Fact]
    public async Task Cancel_APendingPost_ForgetsIt_SoTheNextMessageIsNoArticle()
    {
        await _bot.SendAsync("/post", user: ChatBotHarness.Admin());

        var cancelled = ChatBotHarness.TextOf(await _bot.SendAsync("/cancel", user: ChatBotHarness.Admin()));
        var stray = ChatBotHarness.TextOf(await _bot.SendAsync("这不是文章。", user: ChatBotHarness.Admin()));

        Assert.Equal(UiText.English.PostCancelled, cancelled);
        Assert.Equal(UiText.English.NonCommandHint, stray);
        Assert.Empty(await _bot.Services.GetRequiredService<IArticleStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AfterTheScheduleButton_LeavesTheDraftUnscheduled()
    {
        var id = await _bot.DraftAsync("等待时间的草稿。");
        await _bot.PressAsync($"sch:{id}", user: ChatBotHarness.Admin());

        var cancelled = ChatBotHarness.TextOf(await _bot.SendAsync("/cancel", user: ChatBotHarness.Admin()));
        await _bot.SendAsync("+2h", user: ChatBotHarness.Admin());

        Assert.Equal(UiText.English.PostCancelled, cancelled);
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Draft, article!.State);
    }
}
