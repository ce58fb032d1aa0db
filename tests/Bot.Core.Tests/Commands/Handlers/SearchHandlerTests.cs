using System.Text;
using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Commands.Callbacks;
using Bot.Core.Localization;
using Bot.Core.Search;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class SearchHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Search_WithoutWords_ShowsTheUsage() =>
        Assert.Equal(UiText.English.SearchUsage, ChatBotHarness.TextOf(await _bot.SendAsync("/search")));

    [Fact]
    public async Task Search_TooLongInChinese_IsSaidInChineseWithTheLimit()
    {
        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/search " + new string('朝', 600), user: ChatBotHarness.User(language: "zh")));

        Assert.Equal(UiText.Chinese.SearchProblem(new SearchProblem(SearchProblemKind.QueryTooLong, 500)), reply);
        Assert.Contains("500", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadDateInChinese_HasNoEnglishSentence()
    {
        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/search 朝鲜 since:yesterday", user: ChatBotHarness.User(language: "zh")));

        Assert.Equal(UiText.Chinese.SearchProblem(new SearchProblem(SearchProblemKind.NotADate, Filter: "since", Value: "yesterday")), reply);
        Assert.DoesNotContain("is not a date", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_QueryWithMarkdown_IsShownLiterally()
    {
        var reply = ChatBotHarness.TextOf(await _bot.SendAsync("/search *粗体*"));

        Assert.Contains(@"\*粗体\*", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ManyHits_PagesWithButtons()
    {
        for (var i = 0; i < 7; i++)
        {
            var preview = await _bot.SendAsync($"/post 第{i}篇：关于朝鲜的报道。", user: ChatBotHarness.Admin());
            await _bot.PressAsync($"pub:{Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id}", user: ChatBotHarness.Admin());
        }

        var first = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/search 朝鲜")));
        var next = Assert.Single(first.Buttons!.Single());
        var second = Assert.IsType<Reply.Text>(Assert.Single(await _bot.PressAsync(next.Payload)));

        Assert.Contains("**7**", first.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("s:", next.Payload, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(next.Payload) <= 64);
        Assert.True(second.ReplaceOriginal);
        Assert.Contains("(6–7)", second.Markdown, StringComparison.Ordinal);
        Assert.Equal(["◀ Previous"], second.Buttons!.Single().Select(b => b.Label));
    }

    [Fact]
    public async Task Search_HostileInput_AnswersWithoutThrowing()
    {
        string[] queries = ["\"", "NEAR(朝 鲜)", "*", "-朝鲜", "tag:", new string('朝', 10_000), "\ud800abc", "a OR b AND NOT c", "since:yesterday"];

        foreach (var query in queries)
        {
            var replies = await _bot.SendAsync("/search " + query);
            Assert.IsType<Reply.Text>(Assert.Single(replies));
            Assert.DoesNotContain("something went wrong", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PagePayload_RoundTrips_AndRefusesOtherKinds()
    {
        var payload = SearchPagePayload.Create(12, 5);

        Assert.Equal("s:12:5", payload);
        Assert.True(SearchPagePayload.TryParse(payload, out var parsed));
        Assert.Equal(new SearchPagePayload(12, 5), parsed);
        Assert.False(SearchPagePayload.TryParse("pub:12", out _));
        Assert.False(SearchPagePayload.TryParse("s:12", out _));
        Assert.False(SearchPagePayload.TryParse("s:-1:5", out _));
    }
}
