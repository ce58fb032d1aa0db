using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

/// <summary>/post, and the preview's Publish now / Schedule / Cancel buttons.</summary>
public sealed class PostHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Post_AdminSendsText_GetsPreviewWithThreeButtons()
    {
        var prompt = await _bot.SendAsync("/post", user: ChatBotHarness.Admin());
        var replies = await _bot.SendAsync("---\ntitle: 新条约\ntags: [朝鲜]\n---\n\n普京访问平壤。", user: ChatBotHarness.Admin());

        Assert.Contains("file", ChatBotHarness.TextOf(prompt), StringComparison.Ordinal);
        var view = Assert.IsType<Reply.ArticleView>(replies[0]);
        Assert.Equal(1, view.MaxParts);
        Assert.Equal(ArticleState.Draft, view.Article.State);
        var summary = Assert.IsType<Reply.Text>(replies[1]);
        Assert.Contains("新条约", summary.Markdown, StringComparison.Ordinal);
        Assert.Equal([$"pub:{view.Article.Id}", $"sch:{view.Article.Id}", $"can:{view.Article.Id}"], summary.Buttons!.Single().Select(b => b.Payload));
    }

    [Fact]
    public async Task Post_PublishButton_PublishesToSubscribers()
    {
        await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Private("777"));
        var preview = await _bot.SendAsync("/post 普京访问平壤的消息。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var replies = await _bot.PressAsync($"pub:{id}", user: ChatBotHarness.Admin());

        var done = Assert.IsType<Reply.Text>(Assert.Single(replies));
        Assert.True(done.ReplaceOriginal);
        Assert.Contains("1 chat", done.Markdown, StringComparison.Ordinal);
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Published, article!.State);
    }

    [Fact]
    public async Task Post_Tags_KeepTheAuthorsOrder()
    {
        var preview = await _bot.SendAsync("/post ---\ntitle: 顺序\ntags: [朝鲜, 俄罗斯, MeToo, 东北亚]\n---\n\n正文。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var article = await _bot.ArticleAsync(id);

        Assert.Equal(["朝鲜", "俄罗斯", "MeToo", "东北亚"], article!.Tags);
    }

    [Fact]
    public async Task Post_FileOfWrongTypeOrTooLarge_GetsAClearReply()
    {
        var pdf = new IncomingFile("paper.pdf", 10, _ => Task.FromResult<Stream>(new MemoryStream(new byte[10])));
        var huge = new IncomingFile("huge.md", 5, _ => Task.FromResult<Stream>(new MemoryStream(new byte[11 * 1024 * 1024])));

        var wrongType = await _bot.SendAsync("/post", user: ChatBotHarness.Admin(), file: pdf);
        var tooLarge = await _bot.SendAsync("/post", user: ChatBotHarness.Admin(), file: huge);

        Assert.Contains("paper\\.pdf", ChatBotHarness.TextOf(wrongType), StringComparison.Ordinal);
        Assert.Contains("too large", ChatBotHarness.TextOf(tooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BrokenFrontMatter_GetsTheParsersReason()
    {
        var file = new IncomingFile("bad.md", 30, _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("---\ntitle: [unclosed\n---\nbody"))));

        var replies = await _bot.SendAsync("/post", user: ChatBotHarness.Admin(), file: file);

        Assert.Contains("couldn't read that article", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BrokenFrontMatter_GetsTheReasonInTheAdminsLanguage()
    {
        var unclosed = new IncomingFile("bad.md", 30, _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("---\ntitle: x\nbody without an end"))));
        var binary = new IncomingFile("bin.md", 4, _ => Task.FromResult<Stream>(new MemoryStream([0x61, 0x00, 0x62, 0x63])));

        var first = ChatBotHarness.TextOf(await _bot.SendAsync("/post", user: ChatBotHarness.Admin("zh-hans"), file: unclosed));
        var second = ChatBotHarness.TextOf(await _bot.SendAsync("/post", user: ChatBotHarness.Admin("zh-hans"), file: binary));

        // The whole sentence is Chinese: the parser gives its reason as data, not as an English message.
        Assert.Contains("无法读取这篇文章", first, StringComparison.Ordinal);
        Assert.Contains("文件头没有结束", first, StringComparison.Ordinal);
        Assert.DoesNotContain("front matter", first, StringComparison.Ordinal);
        Assert.Contains("二进制文件", second, StringComparison.Ordinal);
        Assert.DoesNotContain("binary", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithLoopbackUrl_IsRefusedNamingTheReason()
    {
        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/post http://127.0.0.1:9/page.html", user: ChatBotHarness.Admin()));

        Assert.Contains("loopback", text);
    }

    [Fact]
    public async Task Post_WithNothingAttached_AsksForTheArticle_InTheAdminsLanguage()
    {
        var replies = await _bot.SendAsync("/post", user: ChatBotHarness.Admin("zh-hans"));

        Assert.Equal(UiText.Chinese.PostPrompt, ChatBotHarness.TextOf(replies));
        Assert.Empty(await _bot.Services.GetRequiredService<IArticleStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublishButton_PressedTwice_SaysItIsAlreadyPublished()
    {
        var id = await _bot.DraftAsync("发布两次的文章。");

        await _bot.PressAsync($"pub:{id}", user: ChatBotHarness.Admin());
        var again = await _bot.PressAsync($"pub:{id}", user: ChatBotHarness.Admin());

        Assert.Equal(UiText.English.AlreadyPublished(id), ChatBotHarness.TextOf(again));
    }

    [Fact]
    public async Task ScheduleButton_ThenATime_SchedulesTheDraft()
    {
        var preview = await _bot.SendAsync("/post 定时发布的文章。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var ask = await _bot.PressAsync($"sch:{id}", user: ChatBotHarness.Admin());
        var done = await _bot.SendAsync("+2h", user: ChatBotHarness.Admin());

        Assert.Contains("Asia/Shanghai", ChatBotHarness.TextOf(ask), StringComparison.Ordinal);
        Assert.Contains($"#{id} will be published at", ChatBotHarness.TextOf(done), StringComparison.Ordinal);
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Scheduled, article!.State);
    }

    [Fact]
    public async Task CancelButton_KeepsTheDraft_AndReplacesThePreviewsButtons()
    {
        var id = await _bot.DraftAsync("先不发布的文章。");

        var replies = await _bot.PressAsync($"can:{id}", user: ChatBotHarness.Admin());

        var done = Assert.IsType<Reply.Text>(Assert.Single(replies));
        Assert.Equal(UiText.English.PostCancelled, done.Markdown);
        Assert.True(done.ReplaceOriginal);
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Draft, article!.State);
    }

    [Fact]
    public async Task CancelButton_AfterTheScheduleButton_ForgetsTheTimeItWasWaitingFor()
    {
        var id = await _bot.DraftAsync("改主意的文章。");
        await _bot.PressAsync($"sch:{id}", user: ChatBotHarness.Admin());

        await _bot.PressAsync($"can:{id}", user: ChatBotHarness.Admin());
        var later = await _bot.SendAsync("+2h", user: ChatBotHarness.Admin());

        Assert.Equal(UiText.English.NonCommandHint, ChatBotHarness.TextOf(later));
        var article = await _bot.ArticleAsync(id);
        Assert.Equal(ArticleState.Draft, article!.State);
    }
}
