using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class ReadHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/read")]
    [InlineData("/read abc")]
    [InlineData("/read -1")]
    [InlineData("/read 99999999999999999999")]
    public async Task Read_WithoutANumber_GetsTheUsage(string command) =>
        Assert.Equal(UiText.English.ReadUsage, ChatBotHarness.TextOf(await _bot.SendAsync(command)));

    [Fact]
    public async Task Read_UnknownNumber_SaysThereIsNoSuchArticle_InTheReadersLanguage() =>
        Assert.Equal(UiText.Chinese.ArticleNotFound(999), ChatBotHarness.TextOf(await _bot.SendAsync("/read 999", user: ChatBotHarness.User(language: "zh-hans"))));

    [Fact]
    public async Task Read_Published_ShowsTheWholeArticle_AlsoWrittenWithAHash()
    {
        var id = await _bot.PublishAsync("---\ntitle: 全文\n---\n\n普京访问平壤。");

        var plain = Assert.IsType<Reply.ArticleView>(Assert.Single(await _bot.SendAsync($"/read {id}")));
        var hashed = Assert.IsType<Reply.ArticleView>(Assert.Single(await _bot.SendAsync($"/read #{id}")));

        Assert.Equal(id, plain.Article.Id);
        Assert.Equal("全文", plain.Article.Title);
        Assert.Equal(id, hashed.Article.Id);
    }

    [Fact]
    public async Task Read_DraftIsHiddenFromReaders_ButShownToAdmins()
    {
        var preview = await _bot.SendAsync("/post 还没发布的草稿。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var reader = await _bot.SendAsync($"/read {id}");
        var admin = await _bot.SendAsync($"/read {id}", user: ChatBotHarness.Admin());
        var deepLink = await _bot.SendAsync($"/start a{id}", user: ChatBotHarness.Admin());

        Assert.Contains($"no article #{id}", ChatBotHarness.TextOf(reader), StringComparison.Ordinal);
        Assert.IsType<Reply.ArticleView>(Assert.Single(admin));
        Assert.IsType<Reply.ArticleView>(Assert.Single(deepLink));
    }

    [Fact]
    public async Task Read_Retracted_IsHiddenEvenFromAdmins()
    {
        var id = await _bot.PublishAsync("撤回的文章。");
        await _bot.SendAsync($"/retract {id}", user: ChatBotHarness.Admin());

        var admin = await _bot.SendAsync($"/read {id}", user: ChatBotHarness.Admin());

        Assert.Equal(UiText.English.ArticleNotFound(id), ChatBotHarness.TextOf(admin));
    }
}
