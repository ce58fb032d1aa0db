using Bot.Core.Articles;
using Bot.Core.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands;

/// <summary>
/// The pipeline itself: unknown and malformed commands, the reply language, the admin-only rule for
/// commands and buttons, expired buttons. What one command does is tested in Handlers/&lt;Handler&gt;Tests.
/// </summary>
public sealed class ChatBotTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Post_ByNonAdmin_IsRefusedAndNothingIsDrafted()
    {
        var replies = await _bot.SendAsync("/post 我也想发文章");

        Assert.Contains("only the bot's admins", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<IArticleStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublishButton_PressedByNonAdmin_IsRefused()
    {
        var preview = await _bot.SendAsync("/post 草稿内容。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var replies = await _bot.PressAsync($"pub:{id}");

        Assert.Contains("only the bot's admins", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Draft, article!.State);
    }

    [Fact]
    public async Task UnknownCommand_InPrivate_GetsHelp_InGroupStaysQuiet()
    {
        var inPrivate = await _bot.SendAsync("/frobnicate");
        var inGroup = await _bot.SendAsync("/frobnicate", chat: ChatBotHarness.Group());
        var forOtherBot = await _bot.SendAsync("/help@SomeOtherBot", chat: ChatBotHarness.Group());

        Assert.Contains("/search", ChatBotHarness.TextOf(inPrivate), StringComparison.Ordinal);
        Assert.Empty(inGroup);
        Assert.Empty(forOtherBot);
    }

    [Fact]
    public async Task MalformedCommand_InPrivate_GetsHelp_InGroupStaysQuiet()
    {
        var inPrivate = await _bot.SendAsync("/搜索 朝鲜");
        var inGroup = await _bot.SendAsync("/搜索 朝鲜", chat: ChatBotHarness.Group());

        Assert.Contains("I don't know /搜索", ChatBotHarness.TextOf(inPrivate), StringComparison.Ordinal);
        Assert.Empty(inGroup);
    }

    [Fact]
    public async Task Replies_FollowTheUsersLanguage()
    {
        var chinese = await _bot.SendAsync("/subscriptions", user: ChatBotHarness.User(language: "zh-hans"));
        var english = await _bot.SendAsync("/subscriptions", user: ChatBotHarness.User(language: "de"));

        Assert.Contains("还没有订阅", ChatBotHarness.TextOf(chinese), StringComparison.Ordinal);
        Assert.Contains("not subscribed", ChatBotHarness.TextOf(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredOrForgedButton_IsAnsweredPolitely()
    {
        var replies = await _bot.PressAsync("s:99999:5");
        var unknown = await _bot.PressAsync("zzz");

        Assert.Contains("expired", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        Assert.Contains("expired", ChatBotHarness.TextOf(unknown), StringComparison.Ordinal);
    }
}
