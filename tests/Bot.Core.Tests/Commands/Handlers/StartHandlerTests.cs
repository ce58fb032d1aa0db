using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class StartHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Start_Greets_InTheUsersLanguage()
    {
        Assert.Equal(UiText.English.Welcome, ChatBotHarness.TextOf(await _bot.SendAsync("/start")));
        Assert.Equal(UiText.Chinese.Welcome, ChatBotHarness.TextOf(await _bot.SendAsync("/start", user: ChatBotHarness.User(language: "zh-hans"))));
    }

    [Theory]
    [InlineData("/start hello")]
    [InlineData("/start a")]
    [InlineData("/start abc")]
    public async Task Start_WithAPayloadThatIsNoArticle_JustGreets(string command) =>
        Assert.Equal(UiText.English.Welcome, ChatBotHarness.TextOf(await _bot.SendAsync(command)));

    [Fact]
    public async Task Start_DeepLinkToAnArticle_OpensIt_OrSaysThereIsNone()
    {
        var id = await _bot.PublishAsync("深层链接打开的文章。");

        var opened = Assert.IsType<Reply.ArticleView>(Assert.Single(await _bot.SendAsync($"/start a{id}")));
        var missing = ChatBotHarness.TextOf(await _bot.SendAsync("/start a999"));

        Assert.Equal(id, opened.Article.Id);
        Assert.Equal(UiText.English.ArticleNotFound(999), missing);
    }
}
