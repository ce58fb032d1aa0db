using Bot.Core.Articles;
using Bot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class LatestHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Latest_OnAnEmptyArchive_SaysThereAreNoArticles_AndDraftsDoNotCount()
    {
        Assert.Equal(UiText.Chinese.NoArticles, ChatBotHarness.TextOf(await _bot.SendAsync("/latest", user: ChatBotHarness.User(language: "zh-hans"))));

        await _bot.DraftAsync("只是草稿。");

        Assert.Equal(UiText.English.NoArticles, ChatBotHarness.TextOf(await _bot.SendAsync("/latest")));
    }

    [Fact]
    public async Task Latest_ShowsTheNewestFirst_AsManyAsAsked_EachWithHowToReadIt()
    {
        var first = await _bot.PublishAsync("---\ntitle: 第一篇\n---\n\n正文。");
        var second = await _bot.PublishAsync("---\ntitle: 第二篇\nauthor: 倪刃\n---\n\n正文。");
        var third = await _bot.PublishAsync("---\ntitle: 第三篇\n---\n\n正文。");

        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/latest 2"));

        var store = _bot.Services.GetRequiredService<IArticleStore>();
        var expected = new List<string> { UiText.English.LatestHeader };
        foreach (var id in new[] { third, second })
        {
            var article = (await store.GetAsync(id, CancellationToken.None))!;
            expected.Add(UiText.ArticleLine(id, article.Title, article.Published, article.Author) + " — " + UiText.English.ReadHint(id));
        }

        Assert.Equal(string.Join('\n', expected), text);
        Assert.DoesNotContain(UiText.English.ReadHint(first), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/latest 0", 1)]
    [InlineData("/latest -5", 5)]
    [InlineData("/latest many", 5)]
    [InlineData("/latest 500", 7)]
    public async Task Latest_OddCounts_AreClampedOrFallBackToFive(string command, int shown)
    {
        for (var i = 0; i < 7; i++)
        {
            await _bot.PublishAsync($"第{i}篇。");
        }

        var text = ChatBotHarness.TextOf(await _bot.SendAsync(command));

        Assert.Equal(shown, text.Split('\n').Count(line => line.StartsWith("**#", StringComparison.Ordinal)));
    }
}
