using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class StatsHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Stats_CountsPublishedArticlesNotDrafts()
    {
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Private("777"));
        var published = await _bot.SendAsync("/post 已发布的文章。", user: ChatBotHarness.Admin());
        await _bot.PressAsync($"pub:{Assert.IsType<Reply.ArticleView>(published[0]).Article.Id}", user: ChatBotHarness.Admin());
        await _bot.SendAsync("/post 还是草稿。", user: ChatBotHarness.Admin());

        var stats = ChatBotHarness.TextOf(await _bot.SendAsync("/stats", user: ChatBotHarness.Admin()));

        Assert.Contains("Published articles: 1\n", stats, StringComparison.Ordinal);
        Assert.Contains("Active subscriptions: 1\n", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ForOneArticle_CountsItsDeliveries()
    {
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Private("777"));
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Private("778"));
        var id = await _bot.PublishAsync("---\ntitle: 统计\n---\n\n正文。");
        var title = (await _bot.ArticleAsync(id))!.Title;

        var stats = ChatBotHarness.TextOf(await _bot.SendAsync($"/stats #{id}", user: ChatBotHarness.Admin()));

        // No delivery worker runs here: both deliveries are still waiting.
        Assert.Equal(UiText.English.ArticleStats(id, title, pending: 2, sent: 0, failed: 0), stats);
    }

    [Fact]
    public async Task Stats_ForAnUnknownArticle_SaysThereIsNone() =>
        Assert.Equal(UiText.English.ArticleNotFound(999), ChatBotHarness.TextOf(await _bot.SendAsync("/stats 999", user: ChatBotHarness.Admin())));

    [Fact]
    public async Task Stats_ByNonAdmin_IsRefusedPrivately()
    {
        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/stats")));

        Assert.Equal(UiText.English.AdminOnly, reply.Markdown);
        Assert.True(reply.Ephemeral);
    }
}
