using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

/// <summary>/schedule id time; the preview's Schedule button is tested with /post.</summary>
public sealed class ScheduleHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<ArticleState> StateOfAsync(long id) =>
        (await _bot.ArticleAsync(id))!.State;

    [Fact]
    public async Task Schedule_ADraft_SaysWhenInTheBotsZone()
    {
        var id = await _bot.DraftAsync("定时的草稿。");
        var at = TimeZoneInfo.ConvertTime(_bot.Clock.GetUtcNow().AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var reply = ChatBotHarness.TextOf(await _bot.SendAsync($"/schedule #{id} +2h", user: ChatBotHarness.Admin()));

        Assert.Equal(UiText.English.Scheduled(id, at), reply);
        Assert.Equal(ArticleState.Scheduled, await StateOfAsync(id));
    }

    [Theory]
    [InlineData("/schedule")]
    [InlineData("/schedule 1")]
    [InlineData("/schedule x +2h")]
    public async Task Schedule_WithoutANumberAndATime_GetsTheUsage(string command)
    {
        await _bot.DraftAsync("草稿。");

        Assert.Equal(UiText.English.ScheduleUsage, ChatBotHarness.TextOf(await _bot.SendAsync(command, user: ChatBotHarness.Admin())));
    }

    [Fact]
    public async Task Schedule_BadOrPastTime_IsRefused_AndTheDraftStaysADraft()
    {
        var id = await _bot.DraftAsync("草稿。");

        var bad = ChatBotHarness.TextOf(await _bot.SendAsync($"/schedule {id} someday", user: ChatBotHarness.Admin()));
        var past = ChatBotHarness.TextOf(await _bot.SendAsync($"/schedule {id} 2020-01-01 08:00", user: ChatBotHarness.Admin()));

        Assert.Equal(UiText.English.BadTime("someday"), bad);
        Assert.Equal(UiText.English.TimeInPast, past);
        Assert.Equal(ArticleState.Draft, await StateOfAsync(id));
    }

    [Fact]
    public async Task Schedule_PublishedOrUnknownArticle_SaysWhy()
    {
        var id = await _bot.PublishAsync("已经发布。");

        Assert.Equal(UiText.English.AlreadyPublished(id), ChatBotHarness.TextOf(await _bot.SendAsync($"/schedule {id} +2h", user: ChatBotHarness.Admin())));
        Assert.Equal(UiText.English.ArticleNotFound(999), ChatBotHarness.TextOf(await _bot.SendAsync("/schedule 999 +2h", user: ChatBotHarness.Admin())));
    }

    [Fact]
    public async Task Schedule_ByNonAdmin_IsRefused()
    {
        var id = await _bot.DraftAsync("草稿。");

        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync($"/schedule {id} +2h")));

        Assert.Equal(UiText.English.AdminOnly, reply.Markdown);
        Assert.Equal(ArticleState.Draft, await StateOfAsync(id));
    }
}
