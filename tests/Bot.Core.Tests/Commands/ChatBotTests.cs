using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands;

public sealed class ChatBotTests : IAsyncLifetime
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
        var article = await _bot.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(ArticleState.Published, article!.State);
    }

    [Fact]
    public async Task Post_Tags_KeepTheAuthorsOrder()
    {
        var preview = await _bot.SendAsync("/post ---\ntitle: 顺序\ntags: [朝鲜, 俄罗斯, MeToo, 东北亚]\n---\n\n正文。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var article = await _bot.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);

        Assert.Equal(["朝鲜", "俄罗斯", "MeToo", "东北亚"], article!.Tags);
    }

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
        var article = await _bot.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(ArticleState.Draft, article!.State);
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
    public async Task ScheduleButton_ThenATime_SchedulesTheDraft()
    {
        var preview = await _bot.SendAsync("/post 定时发布的文章。", user: ChatBotHarness.Admin());
        var id = Assert.IsType<Reply.ArticleView>(preview[0]).Article.Id;

        var ask = await _bot.PressAsync($"sch:{id}", user: ChatBotHarness.Admin());
        var done = await _bot.SendAsync("+2h", user: ChatBotHarness.Admin());

        Assert.Contains("Asia/Shanghai", ChatBotHarness.TextOf(ask), StringComparison.Ordinal);
        Assert.Contains($"#{id} will be published at", ChatBotHarness.TextOf(done), StringComparison.Ordinal);
        var article = await _bot.Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(ArticleState.Scheduled, article!.State);
    }

    [Fact]
    public async Task Subscribe_InGroupAsNonAdmin_IsRefused()
    {
        var replies = await _bot.SendAsync("/subscribe@ArchiveBot 朝鲜", chat: ChatBotHarness.Group(), access: new ScriptedAccess(canManage: false));

        Assert.Contains("Only admins of this chat", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        Assert.Null(await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Group(), CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_InGroupAsAdmin_SubscribesTheGroupWithTags()
    {
        var replies = await _bot.SendAsync("/subscribe 朝鲜 author:倪刃", chat: ChatBotHarness.Group(), access: new ScriptedAccess(canManage: true));

        Assert.Contains("Subscribed", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Group(), CancellationToken.None);
        Assert.Equal(["朝鲜"], subscription!.Filter.Tags);
        Assert.Equal(["倪刃"], subscription.Filter.Authors);
    }

    [Fact]
    public async Task Subscribe_ChannelByReference_UsesThePlatformsCheck()
    {
        var channel = new ChatRef(Platform.Telegram, "-1009876", ChatKind.Channel, Title: "存档频道");
        var allowed = new ScriptedAccess(true, new ChatResolution.Resolved(channel));
        var refused = new ScriptedAccess(true, new ChatResolution.Refused(ChatRefusal.BotNotAdmin));

        var ok = await _bot.SendAsync("/subscribe @archive 普京", access: allowed);
        var no = await _bot.SendAsync("/subscribe @other", access: refused);

        Assert.Equal(["@archive"], allowed.Resolved);
        Assert.Contains("存档频道", ChatBotHarness.TextOf(ok), StringComparison.Ordinal);
        Assert.Contains("Make me an admin", ChatBotHarness.TextOf(no), StringComparison.Ordinal);
        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(channel, CancellationToken.None);
        Assert.Equal(["普京"], subscription!.Filter.Tags);
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
    public async Task ExpiredOrForgedButton_IsAnsweredPolitely()
    {
        var replies = await _bot.PressAsync("s:99999:5");
        var unknown = await _bot.PressAsync("zzz");

        Assert.Contains("expired", ChatBotHarness.TextOf(replies), StringComparison.Ordinal);
        Assert.Contains("expired", ChatBotHarness.TextOf(unknown), StringComparison.Ordinal);
    }
}
