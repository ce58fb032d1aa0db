using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class RetractHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<ArticleState> StateOfAsync(long id) =>
        (await _bot.ArticleAsync(id))!.State;

    [Fact]
    public async Task Retract_ByNonAdmin_IsRefused_AndTheArticleStays()
    {
        var id = await _bot.PublishAsync("不该被撤回的文章。");

        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync($"/retract {id}")));

        Assert.Equal(UiText.English.AdminOnly, reply.Markdown);
        Assert.True(reply.Ephemeral);
        Assert.Equal(ArticleState.Published, await StateOfAsync(id));
    }

    [Fact]
    public async Task Retract_ByAdmin_HidesTheArticle_AndASecondTimeSaysItIsDone()
    {
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Private("777"));
        var id = await _bot.PublishAsync("要撤回的文章。");

        var first = ChatBotHarness.TextOf(await _bot.SendAsync($"/retract #{id}", user: ChatBotHarness.Admin()));
        var second = ChatBotHarness.TextOf(await _bot.SendAsync($"/retract {id}", user: ChatBotHarness.Admin()));

        // Nothing was delivered yet (no worker runs here), so there is no message to delete.
        Assert.Equal(UiText.English.Retracted(id, 0), first);
        Assert.Equal(UiText.English.AlreadyRetracted(id), second);
        Assert.Equal(ArticleState.Retracted, await StateOfAsync(id));
    }

    [Theory]
    [InlineData("/retract")]
    [InlineData("/retract abc")]
    public async Task Retract_WithoutANumber_GetsTheUsage(string command) =>
        Assert.Equal(UiText.English.RetractUsage, ChatBotHarness.TextOf(await _bot.SendAsync(command, user: ChatBotHarness.Admin())));

    [Fact]
    public async Task Retract_UnknownArticle_SaysThereIsNone() =>
        Assert.Equal(UiText.English.ArticleNotFound(999), ChatBotHarness.TextOf(await _bot.SendAsync("/retract 999", user: ChatBotHarness.Admin())));
}
