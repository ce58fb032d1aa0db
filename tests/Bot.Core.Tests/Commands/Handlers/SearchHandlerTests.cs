using Bot.Core.Commands.Buttons;
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
