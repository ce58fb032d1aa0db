using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;
using Bot.Core.Publishing;
using Bot.Core.Subscriptions;
using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>The real bot (Core + Discord adapter, temp database) driven through the fake Discord's gateway.</summary>
public sealed class GatewayEndToEndTests : IAsyncLifetime
{
    private const string Guild = FakeInteractions.GuildId;
    private const string Here = FakeInteractions.ChannelId;
    private const string Elsewhere = "710000000000000002";
    private const string Muted = "710000000000000003";
    private const string OtherGuildChannel = "710000000000000004";
    private const string Moderators = "730000000000000001";
    private FakeDiscord _discord = null!;
    private DiscordBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _discord.AddGuild(new FakeGuild(
            Guild,
            "1",
            [new FakeRole(Guild, FakeInteractions.ViewAndSend), new FakeRole(Moderators, FakeInteractions.ManageChannels)],
            new Dictionary<string, IReadOnlyList<string>> { [FakeDiscord.BotUserId] = [] }));
        _discord.AddChannel(new FakeChannel(Here, Guild, "general"));
        _discord.AddChannel(new FakeChannel(Elsewhere, Guild, "news"));
        _discord.AddChannel(new FakeChannel(Muted, Guild, "muted", Overwrites: [(FakeDiscord.BotUserId, 1, 0UL, 1UL << 11)]));
        _discord.AddChannel(new FakeChannel(OtherGuildChannel, "799999999999999999", "foreign"));
        _bot = await DiscordBotHost.StartAsync(_discord);
        await _discord.WaitForAsync(d => d.GatewayReady && d.RegisteredCommands is not null, "identify and command registration");
    }

    public async Task DisposeAsync()
    {
        var lines = _bot.Logs.Lines;
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        Assert.DoesNotContain(lines, line => line.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_RegistersCatalogCommandsAndIdentifiesWithoutPrivilegedIntents()
    {
        var names = _discord.RegisteredCommands!.Select(c => (string?)c!["name"]).ToList();
        Assert.Contains("subscribe", names);
        Assert.Contains("post", names);
        Assert.DoesNotContain("start", names);
        Assert.Null(_discord.RegisteredInGuild);
        Assert.Equal(1, (int?)_discord.LastIdentify!["intents"]);
        Assert.Equal(FakeDiscord.Token, (string?)_discord.LastIdentify!["token"]);
    }

    [Fact]
    public async Task Subscribe_ThenPublish_ChannelReceivesEmbedAndParts()
    {
        var reply = await CommandAsync(FakeInteractions.SlashCommand("subscribe", memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels));
        Assert.Equal(4, reply.CallbackType);
        Assert.NotNull(await Subscription(Here));

        var body = "正文：朝鲜的消息。\n\n" + string.Join("\n\n", Enumerable.Range(0, 5).Select(i => $"第{i}段。" + new string('字', 700)));
        var article = await PublishAsync("朝鲜与普京的会面", body, "国际");
        var parts = _bot.Get<Bot.Core.Delivery.IDeliveryChannel>().CountParts(article);

        await _discord.WaitForAsync(d => d.Messages.Count(m => m.ChannelId == Here) >= parts, $"{parts} messages in the channel");
        var messages = _discord.Messages.Where(m => m.ChannelId == Here).ToList();
        Assert.Equal(parts, messages.Count);
        Assert.True(parts >= 3);
        Assert.Equal("朝鲜与普京的会面", (string?)messages[0].Embeds![0]!["title"]);
        Assert.Equal("https://example.com/a/1", (string?)messages[0].Embeds![0]!["url"]);
        Assert.StartsWith("正文：朝鲜的消息。", messages[1].Content, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Empty(m.Body["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.All(messages.Skip(1), m => Assert.InRange(m.Content!.Length, 1, 2000));
    }

    [Fact]
    public async Task Subscribe_WithoutManageChannels_IsRefused()
    {
        var reply = await CommandAsync(FakeInteractions.SlashCommand("subscribe"));

        Assert.Equal(UiText.For("en-US").NotChatAdmin, reply.Content);
        Assert.Null(await Subscription(Here));
    }

    [Fact]
    public async Task Subscribe_HereWhereTheBotCannotSend_IsRefused()
    {
        var reply = await CommandAsync(FakeInteractions.SlashCommand(
            "subscribe",
            memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels,
            appPermissions: FakeInteractions.ViewAndSend & ~(1UL << 11)));

        Assert.Equal(UiText.For("en-US").Refusal(Bot.Core.Chat.ChatRefusal.BotCannotPost), reply.Content);
        Assert.Null(await Subscription(Here));
    }

    [Fact]
    public async Task Subscribe_AnotherChannel_ChecksUserAndBotPermissionsThere()
    {
        var asModerator = (string channel) => FakeInteractions.SlashCommand(
            "subscribe",
            [("channel", 7, JsonValue.Create(channel))],
            memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels,
            roles: [Moderators]);
        var text = UiText.For("en-US");

        var muted = await CommandAsync(asModerator(Muted));
        var foreign = await CommandAsync(asModerator(OtherGuildChannel));
        var notModerator = await CommandAsync(FakeInteractions.SlashCommand("subscribe", [("channel", 7, JsonValue.Create(Elsewhere))], memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels));
        var news = await CommandAsync(asModerator(Elsewhere));

        Assert.Equal(text.Refusal(Bot.Core.Chat.ChatRefusal.BotCannotPost), muted.Content);
        Assert.Equal(text.Refusal(Bot.Core.Chat.ChatRefusal.NotFound), foreign.Content);
        Assert.Equal(text.Refusal(Bot.Core.Chat.ChatRefusal.UserNotAdmin), notModerator.Content);
        Assert.Contains("news", news.Content, StringComparison.Ordinal);
        Assert.Null(await Subscription(Muted));
        Assert.NotNull(await Subscription(Elsewhere));
    }

    [Fact]
    public async Task Subscribe_AThreadWhoseParentTheBotCannotSee_IsARefusal()
    {
        const string parent = "710000000000000005";
        const string thread = "710000000000000006";
        _discord.AddChannel(new FakeChannel(parent, Guild, "hidden"));
        _discord.AddChannel(new FakeChannel(thread, Guild, "thread", Type: 11, ParentId: parent));
        _discord.FailChannel(parent, new ScriptedError(403, 50001, "Missing Access"));

        var reply = await CommandAsync(FakeInteractions.SlashCommand(
            "subscribe",
            [("channel", 7, JsonValue.Create(thread))],
            memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels,
            roles: [Moderators]));

        Assert.Equal(UiText.For("en-US").Refusal(Bot.Core.Chat.ChatRefusal.BotCannotPost), reply.Content);
        Assert.Null(await Subscription(thread));
    }

    [Fact]
    public async Task Search_ChineseWord_FindsTheArticle()
    {
        await PublishAsync("朝鲜与普京的会面", "普京抵达平壤。朝鲜方面表示欢迎。", "国际");
        await PublishAsync("天气预报", "明天有雨。", "生活");

        var reply = await CommandAsync(FakeInteractions.SlashCommand("search", [("query", 3, JsonValue.Create("朝鲜"))]));

        Assert.Contains("朝鲜与普京的会面", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("天气预报", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Article_AnswersWithEmbedThenFollowUps()
    {
        var article = await PublishAsync("长文", string.Join("\n\n", Enumerable.Range(0, 4).Select(i => $"第{i}段。" + new string('字', 900))), "国际");
        var interaction = FakeInteractions.SlashCommand("read", [("id", 4, JsonValue.Create(article.Id))]);
        var token = FakeInteractions.TokenOf(interaction);

        await _discord.DispatchAsync("INTERACTION_CREATE", interaction);
        var parts = _bot.Get<Bot.Core.Delivery.IDeliveryChannel>().CountParts(article);
        await _discord.WaitForAsync(d => d.AnswersFor(token).Count() >= parts, "the article's parts");

        var calls = _discord.AnswersFor(token).ToList();
        Assert.Equal("长文", (string?)calls[0].Message!["embeds"]![0]!["title"]);
        Assert.All(calls.Skip(1), c => Assert.Equal(RecordedCallKind.Followup, c.Kind));
    }

    [Fact]
    public async Task Autocomplete_Tags_SuggestsArchiveTags()
    {
        await PublishAsync("一", "正文。", "国际");
        await PublishAsync("二", "正文。", "国内");
        var interaction = FakeInteractions.Autocomplete("subscribe", "tags", "外交 国");

        var reply = await CommandAsync(interaction);

        Assert.Equal(8, reply.CallbackType);
        var values = reply.Body!["data"]!["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Contains("外交 国际", values);
        Assert.Contains("外交 国内", values);
    }

    [Fact]
    public async Task Post_AttachmentByAdmin_DraftsThenPublishButtonDelivers()
    {
        await _bot.Get<ISubscriptionService>().SubscribeAsync(new ChatRef(Platform.Discord, Elsewhere, ChatKind.DiscordChannel), SubscriptionFilter.Everything, default);
        var markdown = "---\ntitle: 管理员的文章\ntags: [公告]\n---\n\n今天发布。\n";
        var url = _discord.AddFile("notice.md", Encoding.UTF8.GetBytes(markdown));
        var post = FakeInteractions.SlashCommand(
            "post",
            [("file", 11, JsonValue.Create("555"))],
            userId: DiscordBotHost.AdminUserId,
            resolved: FakeInteractions.ResolvedAttachment("555", "notice.md", markdown.Length, url));

        var token = FakeInteractions.TokenOf(post);
        await _discord.DispatchAsync("INTERACTION_CREATE", post);
        await _discord.WaitForAsync(d => d.AnswersFor(token).Any(c => c.Message?["components"] is JsonArray { Count: > 0 }), "the preview with buttons");

        var preview = _discord.AnswersFor(token).ToList();
        Assert.Equal("管理员的文章", (string?)preview[0].Message!["embeds"]![0]!["title"]);
        var publish = preview.Last().Message!["components"]![0]!["components"]!.AsArray()
            .Select(b => (string?)b!["custom_id"]).First(id => id!.StartsWith("pub:", StringComparison.Ordinal))!;

        await CommandAsync(FakeInteractions.Component(publish, userId: DiscordBotHost.AdminUserId));
        await _discord.WaitForAsync(d => d.Messages.Any(m => m.ChannelId == Elsewhere && m.Embeds is { Count: > 0 }), "the published article in the subscribed channel");

        Assert.Equal("管理员的文章", (string?)_discord.Messages.First(m => m.ChannelId == Elsewhere).Embeds![0]!["title"]);
    }

    [Fact]
    public async Task Post_WithoutFileByAdmin_OpensModalWhoseSubmitDrafts()
    {
        var modal = await CommandAsync(FakeInteractions.SlashCommand("post", userId: DiscordBotHost.AdminUserId));
        Assert.Equal(9, modal.CallbackType);
        Assert.Equal("post:modal", (string?)modal.Body!["data"]!["custom_id"]);

        var submit = FakeInteractions.ModalSubmit("post:modal", new Dictionary<string, string> { ["title"] = "表单文章", ["body"] = "短短的正文。" }, userId: DiscordBotHost.AdminUserId);
        var token = FakeInteractions.TokenOf(submit);
        await _discord.DispatchAsync("INTERACTION_CREATE", submit);
        await _discord.WaitForAsync(d => d.AnswersFor(token).Count() >= 2, "the preview");

        Assert.Equal("表单文章", (string?)_discord.AnswersFor(token).First().Message!["embeds"]![0]!["title"]);
        var drafts = await _bot.Get<IArticleStore>().ListAsync(default);
        Assert.Contains(drafts, a => a.Title == "表单文章" && a.State == ArticleState.Draft);
    }

    [Fact]
    public async Task Post_ByNonAdmin_IsRefusedWithoutAModal()
    {
        var reply = await CommandAsync(FakeInteractions.SlashCommand("post"));

        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(UiText.For("en-US").AdminOnly, reply.Content);
    }

    [Theory]
    [InlineData("slides.pdf", 100)]
    [InlineData("huge.md", 11L * 1024 * 1024)]
    public async Task Post_BadAttachment_IsRefusedClearly(string fileName, long size)
    {
        var post = FakeInteractions.SlashCommand(
            "post",
            [("file", 11, JsonValue.Create("556"))],
            userId: DiscordBotHost.AdminUserId,
            resolved: FakeInteractions.ResolvedAttachment("556", fileName, size, _discord.BaseUrl + "/cdn/none"));

        var reply = await CommandAsync(post);

        Assert.Equal(64, (int?)reply.Message!["flags"]);
        // The file name arrives Markdown-escaped (slides\.pdf), which Discord shows as slides.pdf.
        Assert.True(reply.Content!.Contains(Bot.Core.Rendering.MarkdownText.Escape(fileName), StringComparison.Ordinal) || reply.Content.Contains("MB", StringComparison.Ordinal));
        Assert.Empty(await _bot.Get<IArticleStore>().ListAsync(default));
    }

    [Fact]
    public async Task Subscriptions_ChineseLocale_AnswersInChinese()
    {
        var zh = await CommandAsync(FakeInteractions.SlashCommand("help", locale: "zh-CN"));
        var en = await CommandAsync(FakeInteractions.SlashCommand("help", locale: "en-US"));

        Assert.Contains("订阅", zh.Content, StringComparison.Ordinal);
        Assert.NotEqual(zh.Content, en.Content);
    }

    [Fact]
    public async Task Gateway_DroppedConnection_ResumesTheSession()
    {
        await WaitForBotSessionAsync();
        _discord.DropConnection();
        await _discord.WaitForAsync(d => d.Resumes == 1 && d.GatewayReady, "a resume");

        Assert.Equal(1, _discord.Identifies);
        Assert.Equal(2, _discord.Connections);
        Assert.NotNull((string?)_discord.LastResume!["session_id"]);
        var reply = await CommandAsync(FakeInteractions.SlashCommand("help"));
        Assert.Equal(4, reply.CallbackType);
    }

    [Fact]
    public async Task Gateway_InvalidSession_IdentifiesAgain()
    {
        await WaitForBotSessionAsync();
        _discord.ForgetSession();
        _discord.DropConnection();

        await _discord.WaitForAsync(d => d.Identifies == 2 && d.GatewayReady, "a fresh identify", TimeSpan.FromSeconds(30));
        Assert.Equal(0, _discord.Resumes);
    }

    [Fact]
    public async Task Gateway_ChannelDeleted_RemovesItsSubscription()
    {
        var chat = new ChatRef(Platform.Discord, Elsewhere, ChatKind.DiscordChannel);
        await _bot.Get<ISubscriptionService>().SubscribeAsync(chat, SubscriptionFilter.Everything, default);

        await _discord.DispatchAsync("CHANNEL_DELETE", new JsonObject { ["id"] = Elsewhere, ["guild_id"] = Guild, ["type"] = 0 });

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await _bot.Get<ISubscriptionService>().GetAsync(chat, default) is { Active: true })
        {
            // The event is handled off the receive loop; nothing on the fake changes, so poll the database.
            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>The fake is ready when it has sent READY; the bot has a session once it has read it.</summary>
    private async Task WaitForBotSessionAsync()
    {
        var gateway = _bot.Get<Bot.Discord.Gateway.DiscordGatewayService>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!gateway.HasSession)
        {
            await Task.Delay(10, limit.Token);
        }
    }

    private async Task<RecordedInteractionCall> CommandAsync(JsonObject interaction)
    {
        var token = FakeInteractions.TokenOf(interaction);
        await _discord.DispatchAsync("INTERACTION_CREATE", interaction);
        await _discord.WaitForAsync(d => d.AnswersFor(token).Any(), "a response to " + (string?)interaction["data"]?["name"]);
        return _discord.AnswersFor(token).First();
    }

    private Task<Subscription?> Subscription(string channelId) =>
        _bot.Get<ISubscriptionService>().GetAsync(new ChatRef(Platform.Discord, channelId, ChatKind.DiscordChannel), default);

    private async Task<Article> PublishAsync(string title, string body, string tag)
    {
        var markdown = $"---\ntitle: {title}\nauthor: 记者\ntags: [{tag}]\nsource_url: https://example.com/a/1\n---\n\n{body}\n";
        var parsed = _bot.Get<IArticleParser>().Parse(title + ".md", Encoding.UTF8.GetBytes(markdown));
        Assert.True(parsed.Succeeded, parsed.Error);
        var draft = await _bot.Get<IArticleStore>().CreateDraftAsync(parsed.Article!, default);
        var outcome = await _bot.Get<IPublishingService>().PublishNowAsync(draft.Id, default);
        Assert.Equal(PublishStatus.Published, outcome.Status);
        return (await _bot.Get<IArticleStore>().GetAsync(draft.Id, default))!;
    }
}
