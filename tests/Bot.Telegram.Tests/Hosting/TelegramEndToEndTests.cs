using System.Text;
using Bot.Core.Chat;
using Bot.Core.Publishing;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.Telegram.Tests.Support;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Telegram.Tests.Hosting;

/// <summary>The real bot (Core + Telegram adapter + SQLite) driven through the fake Bot API.</summary>
public sealed class TelegramEndToEndTests : IAsyncLifetime
{
    private const long Reader = 2001;
    private TelegramBotHarness _bot = null!;

    private FakeTelegramServer Fake => _bot.Fake;

    public async Task InitializeAsync() => _bot = await TelegramBotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<IReadOnlyList<FakeSentMessage>> RepliesIn(long chatId, string contains, int count = 1) =>
        Fake.WaitForMessagesAsync(m => m.ChatId == chatId && m.VisibleText.Contains(contains, StringComparison.Ordinal), count);

    [Fact]
    public async Task Start_RegistersCommandsInEnglishAndChinese()
    {
        await Fake.WaitUntilAsync(f => f.Commands.Count == 2, what: "setMyCommands twice");
        var zh = Fake.Commands["zh"].EnumerateArray().Select(c => c.GetProperty("description").GetString()).ToList();
        Assert.Contains("搜索文章", zh);
        Assert.DoesNotContain(Fake.Commands[string.Empty].EnumerateArray(), c => c.GetProperty("command").GetString() == "post");
    }

    [Fact]
    public async Task Subscribe_ThenPublish_ArticleArrivesInThePrivateChat()
    {
        Fake.PushMessage(Reader, Reader, "/subscribe");
        await RepliesIn(Reader, "Subscribed");

        var id = await _bot.ImportAsync("putin.md", "---\ntitle: 普京访问朝鲜\nauthor: 记者\ntags: [国际]\n---\n\n普京抵达平壤。");
        await Unpublish(id);
        var outcome = await _bot.Services.GetRequiredService<IPublishingService>().PublishNowAsync(id, CancellationToken.None);
        Assert.Equal(PublishStatus.Published, outcome.Status);

        var delivered = Assert.Single(await RepliesIn(Reader, "普京抵达平壤"));
        Assert.StartsWith("<b>普京访问朝鲜</b>", delivered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NextButton_EditsTheMessageToTheSecondPage()
    {
        for (var i = 1; i <= 8; i++)
        {
            await _bot.ImportAsync($"n{i}.md", $"---\ntitle: 朝鲜新闻 {i}\n---\n\n关于朝鲜的第 {i} 篇报道。");
        }

        Fake.PushMessage(Reader, Reader, "/search 朝鲜");
        var page = Assert.Single(await RepliesIn(Reader, "results for"));
        Assert.Contains("(1–5)", page.VisibleText, StringComparison.Ordinal);
        var next = Assert.Single(page.ButtonPayloads);

        Fake.PushCallback(page, Reader, next);

        await Fake.WaitUntilAsync(f => f.Messages.Single(m => m.MessageId == page.MessageId && m.ChatId == Reader).Edited, what: "the page edited");
        var edited = Fake.Messages.Single(m => m.MessageId == page.MessageId && m.ChatId == Reader);
        Assert.Contains("(6–8)", edited.VisibleText, StringComparison.Ordinal);
        Assert.NotEmpty(Fake.CallbackAnswers);
    }

    [Fact]
    public async Task InlineQuery_ListsMatchesWithDeepLinksAndPages()
    {
        var ids = new List<long>();
        for (var i = 1; i <= 25; i++)
        {
            ids.Add(await _bot.ImportAsync($"p{i}.md", $"---\ntitle: 普京讲话 {i}\n---\n\n普京今天说了第 {i} 件事。"));
        }

        Fake.PushInlineQuery(Reader, "普京");
        await Fake.WaitUntilAsync(f => f.InlineAnswers.Count == 1, what: "an inline answer");
        var first = Fake.InlineAnswers[0];
        var results = first.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(20, results.Count);
        Assert.Equal("20", first.GetProperty("next_offset").GetString());
        var text = results[0].GetProperty("input_message_content").GetProperty("message_text").GetString()!;
        Assert.Matches(@"https://t\.me/ArticlesTestBot\?start=a\d+", text);

        Fake.PushInlineQuery(Reader, "普京", offset: "20");
        await Fake.WaitUntilAsync(f => f.InlineAnswers.Count == 2, what: "the second inline page");
        var second = Fake.InlineAnswers[1];
        Assert.Equal(5, second.GetProperty("results").GetArrayLength());
        Assert.Equal(string.Empty, second.GetProperty("next_offset").GetString());
        var all = results.Concat(second.GetProperty("results").EnumerateArray()).Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(ids.Select(id => $"a{id}").ToHashSet(), all);
    }

    [Fact]
    public async Task InlineQuery_Empty_ShowsTheNewestArticles()
    {
        await _bot.ImportAsync("old.md", "---\ntitle: 旧文章\ndate: 2020-01-01\n---\n\n旧的内容。");
        var newest = await _bot.ImportAsync("new.md", "---\ntitle: 新文章\ndate: 2026-01-01\n---\n\n新的内容。");

        Fake.PushInlineQuery(Reader, "  ");

        await Fake.WaitUntilAsync(f => f.InlineAnswers.Count == 1, what: "an inline answer");
        var results = Fake.InlineAnswers[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal($"a{newest}", results[0].GetProperty("id").GetString());
        Assert.Equal("新的内容。", results[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task StartDeepLink_OpensTheArticle()
    {
        var id = await _bot.ImportAsync("deep.md", "---\ntitle: 深度链接\n---\n\n正文内容在这里。");
        Fake.PushMessage(Reader, Reader, $"/start a{id}");
        Assert.StartsWith("<b>深度链接</b>", Assert.Single(await RepliesIn(Reader, "正文内容在这里")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPost_DocumentShowsPreview_AndPublishButtonDelivers()
    {
        Fake.PushMessage(Reader, Reader, "/subscribe");
        await RepliesIn(Reader, "Subscribed");

        Fake.PushMessage(TelegramBotHarness.AdminId, TelegramBotHarness.AdminId, "/post");
        await RepliesIn(TelegramBotHarness.AdminId, "Send the article now");
        var markdown = "---\ntitle: 新文章\nauthor: 编辑\ntags: [测试]\n---\n\n这是管理员发布的新文章。";
        Fake.PushDocument(TelegramBotHarness.AdminId, TelegramBotHarness.AdminId, "new.md", Encoding.UTF8.GetBytes(markdown));

        var preview = Assert.Single(await RepliesIn(TelegramBotHarness.AdminId, "Preview of draft"));
        Assert.Contains("新文章", preview.VisibleText, StringComparison.Ordinal);
        Assert.Equal(3, preview.ButtonPayloads.Count);
        Assert.Single(Fake.Messages, m => m.ChatId == TelegramBotHarness.AdminId && m.Html.StartsWith("<b>新文章</b>", StringComparison.Ordinal));

        Fake.PushCallback(preview, TelegramBotHarness.AdminId, preview.ButtonPayloads.Single(p => p.StartsWith("pub:", StringComparison.Ordinal)));

        await RepliesIn(TelegramBotHarness.AdminId, "Published");
        await RepliesIn(Reader, "这是管理员发布的新文章");
    }

    [Fact]
    public async Task PublishButton_PressedByNonAdminInGroup_GetsAPrivateToastNotAMessage()
    {
        const long group = -1_001_502;
        Fake.AddChat(group, "supergroup", "群");
        Fake.PushMessage(group, 3001, "/help@ArticlesTestBot");
        var help = Assert.Single(await RepliesIn(group, "/subscribe"));

        Fake.PushCallback(help, 3001, "pub:1");

        await Fake.WaitUntilAsync(f => f.CallbackAnswers.Any(a => a.Text is not null), what: "a callback answer with text");
        Assert.Contains("only the bot's admins", Fake.CallbackAnswers.Single().Text, StringComparison.Ordinal);

        // Updates are handled in order: once the next command is answered, the press is fully handled.
        Fake.PushMessage(group, 3001, "/help@ArticlesTestBot");
        await RepliesIn(group, "/subscribe", count: 2);
        Assert.Equal(2, Fake.Messages.Count(m => m.ChatId == group));
    }

    [Fact]
    public async Task Post_ByNonAdmin_IsRefused()
    {
        Fake.PushMessage(Reader, Reader, "/post");
        await RepliesIn(Reader, "only the bot's admins");
    }

    [Fact]
    public async Task Subscribe_InGroupAsNonAdmin_IsRefused_AndAsAdminWorks()
    {
        const long group = -1_001_500;
        Fake.AddChat(group, "supergroup", "读者群");
        Fake.SetMember(group, 3001, "member");
        Fake.SetMember(group, 3002, "administrator");
        var chat = new ChatRef(Platform.Telegram, group.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Group);
        var subscriptions = _bot.Services.GetRequiredService<ISubscriptionService>();

        Fake.PushMessage(group, 3001, "/subscribe@ArticlesTestBot");
        await RepliesIn(group, "Only admins of this chat");
        Assert.Null(await subscriptions.GetAsync(chat, CancellationToken.None));

        Fake.PushMessage(group, 3002, "/subscribe@ArticlesTestBot 国际");
        await RepliesIn(group, "Subscribed");
        Assert.Equal(["国际"], (await subscriptions.GetAsync(chat, CancellationToken.None))!.Filter.Tags);
    }

    [Fact]
    public async Task CommandForAnotherBotInGroup_IsIgnored()
    {
        const long group = -1_001_501;
        Fake.AddChat(group, "supergroup", "群");
        Fake.PushMessage(group, 3001, "/help@SomeOtherBot");
        var marker = Fake.PushMessage(group, 3001, "/help@ArticlesTestBot");
        await Fake.WaitUntilAsync(f => f.ConfirmedOffset > marker || f.Messages.Any(m => m.ChatId == group), what: "the addressed /help");
        Assert.Single(await RepliesIn(group, "/subscribe"));
    }

    [Fact]
    public async Task SubscribeChannel_FromPrivateChat_NeedsUserAndBotAsAdmins()
    {
        const long channel = -1_001_777;
        Fake.AddChat(channel, "channel", "新闻频道", "news_channel");
        Fake.SetMember(channel, Reader, "administrator");
        var channelRef = new ChatRef(Platform.Telegram, "-1001777", ChatKind.Channel);
        var subscriptions = _bot.Services.GetRequiredService<ISubscriptionService>();

        Fake.PushMessage(Reader, Reader, "/subscribe @news_channel");
        await RepliesIn(Reader, "Make me an admin");
        Assert.Null(await subscriptions.GetAsync(channelRef, CancellationToken.None));

        Fake.SetMember(channel, Fake.Options.BotId, "administrator", canPostMessages: true);
        Fake.PushMessage(Reader, Reader, "/subscribe @news_channel");
        await RepliesIn(Reader, "Subscribed 新闻频道");
        Assert.NotNull(await subscriptions.GetAsync(channelRef, CancellationToken.None));

        Fake.SetMember(channel, 2002, "member");
        Fake.PushMessage(2002, 2002, "/subscribe -1001777");
        await RepliesIn(2002, "You need to be an admin of that chat");
    }

    [Fact]
    public async Task UnknownCommand_InChinese_GetsHelpInChinese()
    {
        Fake.PushMessage(Reader, Reader, "/frobnicate", languageCode: "zh-hans");
        var reply = Assert.Single(await RepliesIn(Reader, "/search"));
        Assert.Contains("frobnicate", reply.VisibleText, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", reply.VisibleText);
    }

    [Fact]
    public async Task HostileInput_IsAnsweredAndTheBotKeepsGoing()
    {
        Fake.PushMessage(Reader, Reader, "/search \"unclosed AND OR NEAR( <b>*");
        Fake.PushMessage(Reader, Reader, "/read 99999999999999999999");
        Fake.PushMessage(Reader, Reader, "/search \uD800 lone");
        Fake.PushMessage(Reader, Reader, "/help");
        await RepliesIn(Reader, "/subscribe");
        Assert.True(Fake.Messages.Count(m => m.ChatId == Reader) >= 4);
    }

    [Fact]
    public async Task Token_NeverAppearsInLogs()
    {
        Fake.Script(Reader, new FakeFailure.ServerError(502));
        Fake.PushMessage(Reader, Reader, "/help");
        Fake.PushMessage(Reader, Reader, "/help");
        await RepliesIn(Reader, "/subscribe");
        Assert.NotEmpty(_bot.Logs.Lines);
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Contains(Fake.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Contains(Fake.Token.Split(':')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_NeverAppearsInLogs_WhenTelegramsErrorEchoesTheRequestUrl()
    {
        Fake.Script(Reader, new FakeFailure.EchoingUrl());
        Fake.PushMessage(Reader, Reader, "/help");
        await _bot.Logs.WaitForAsync(l => l.Contains("upstream failed for", StringComparison.Ordinal));

        Assert.Contains(_bot.Logs.Lines, l => l.Contains("/bot<token>/sendMessage", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Contains(Fake.Token.Split(':')[1], StringComparison.Ordinal));
    }

    private async Task Unpublish(long id)
    {
        // Imports are published at once; the fan-out test needs a draft to publish.
        await using var connection = await _bot.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE articles SET state = 'draft' WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }
}
