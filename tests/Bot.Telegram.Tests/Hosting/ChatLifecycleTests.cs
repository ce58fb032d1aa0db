using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Telegram.Tests.Support;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Telegram.Tests.Hosting;

/// <summary>The bot's place in chats (my_chat_member), supergroup upgrades and forum topics, end to end.</summary>
public sealed class ChatLifecycleTests : IAsyncLifetime
{
    private const long Reader = 2101;
    private TelegramBotHarness _bot = null!;

    private FakeTelegramServer Fake => _bot.Fake;

    private ISubscriptionService Subscriptions => _bot.Services.GetRequiredService<ISubscriptionService>();

    public async Task InitializeAsync() => _bot = await TelegramBotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UserBlocksTheBot_SubscriptionStopsAtOnceWithTheReason()
    {
        Fake.PushMessage(Reader, Reader, "/subscribe");
        await Fake.WaitForMessagesAsync(m => m.ChatId == Reader && m.VisibleText.Contains("Subscribed", StringComparison.Ordinal));

        Fake.PushMyChatMember(Reader, Reader, "member", "kicked");

        var subscription = await WaitForAsync(Private(Reader), s => !s.Active);
        Assert.Equal("the user blocked the bot", subscription.DeactivatedReason);
        Assert.Equal(ChatGoneKind.BlockedByUser, subscription.DeactivatedKind);
    }

    [Fact]
    public async Task BotRemovedFromGroup_StopsEveryTopicsSubscription()
    {
        const long group = -1_002_100;
        Fake.AddChat(group, "supergroup", "论坛").IsForum = true;
        Fake.SetMember(group, 3001, "administrator");
        Fake.PushMessage(group, 3001, "/subscribe@ArticlesTestBot", threadId: 7);
        Fake.PushMessage(group, 3001, "/subscribe@ArticlesTestBot", threadId: 8);
        await Fake.WaitForMessagesAsync(m => m.ChatId == group && m.VisibleText.Contains("Subscribed", StringComparison.Ordinal), count: 2);

        Fake.PushMyChatMember(group, 3001, "member", "kicked");

        Assert.Equal("the bot was removed from the chat", (await WaitForAsync(Topic(group, 7), s => !s.Active)).DeactivatedReason);
        Assert.False((await Subscriptions.GetAsync(Topic(group, 8), CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task BotAddedToGroup_SaysOnceWhoMaySubscribe_InTheAddersLanguage()
    {
        const long group = -1_002_101;
        Fake.AddChat(group, "supergroup", "读者群");

        Fake.PushMyChatMember(group, 3001, "left", "member", languageCode: "zh-hans");

        var greeting = Assert.Single(await Fake.WaitForMessagesAsync(m => m.ChatId == group));
        Assert.Contains("/subscribe", greeting.VisibleText, StringComparison.Ordinal);
        Assert.Contains("管理员", greeting.VisibleText, StringComparison.Ordinal);

        // Promoted later: no second greeting.
        var marker = Fake.PushMyChatMember(group, 3001, "member", "administrator");
        await Fake.WaitUntilAsync(f => f.ConfirmedOffset > marker, what: "the promotion handled");
        Assert.Single(Fake.Messages, m => m.ChatId == group);
    }

    [Fact]
    public async Task BotMadeChannelAdminThatMayPost_TellsHowToSubscribeIt()
    {
        const long channel = -1_002_102;
        Fake.AddChat(channel, "channel", "新闻频道", "news_daily");

        Fake.PushMyChatMember(channel, 3001, "left", "administrator", canPostMessages: true);

        var greeting = Assert.Single(await Fake.WaitForMessagesAsync(m => m.ChatId == channel));
        Assert.Contains("/subscribe @news_daily", greeting.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelAdminLosesPostRight_SubscriptionStops()
    {
        const long channel = -1_002_103;
        Fake.AddChat(channel, "channel", "频道", "chan_stop");
        Fake.SetMember(channel, Reader, "administrator");
        Fake.SetMember(channel, Fake.Options.BotId, "administrator", canPostMessages: true);
        Fake.PushMessage(Reader, Reader, "/subscribe @chan_stop");
        await Fake.WaitForMessagesAsync(m => m.ChatId == Reader && m.VisibleText.Contains("Subscribed", StringComparison.Ordinal));

        Fake.PushMyChatMember(channel, Reader, "administrator", "administrator", canPostMessages: false);

        var chat = new ChatRef(Platform.Telegram, channel.ToString(CultureInfo.InvariantCulture), ChatKind.Channel);
        Assert.Equal("the bot may no longer post in the channel", (await WaitForAsync(chat, s => !s.Active)).DeactivatedReason);
    }

    [Fact]
    public async Task GroupUpgradedToSupergroup_ServiceMessage_MovesTheSubscription()
    {
        const long group = -2_100;
        const long supergroup = -1_000_000_002_100;
        Fake.AddChat(group, "group", "小群");
        Fake.SetMember(group, 3001, "administrator");
        Fake.PushMessage(group, 3001, "/subscribe@ArticlesTestBot");
        await Fake.WaitForMessagesAsync(m => m.ChatId == group && m.VisibleText.Contains("Subscribed", StringComparison.Ordinal));

        Fake.PushMigration(group, supergroup, 3001);

        var moved = new ChatRef(Platform.Telegram, supergroup.ToString(CultureInfo.InvariantCulture), ChatKind.Group);
        Assert.True((await WaitForAsync(moved, s => s.Active)).Active);
        Assert.Null(await Subscriptions.GetAsync(new ChatRef(Platform.Telegram, group.ToString(CultureInfo.InvariantCulture), ChatKind.Group), CancellationToken.None));
    }

    [Fact]
    public async Task SubscribeInAForumTopic_RepliesThere_AndArticlesArriveInThatTopic()
    {
        const long forum = -1_002_104;
        Fake.AddChat(forum, "supergroup", "论坛").IsForum = true;
        Fake.SetMember(forum, 3001, "administrator");

        Fake.PushMessage(forum, 3001, "/subscribe@ArticlesTestBot", threadId: 42);

        var reply = Assert.Single(await Fake.WaitForMessagesAsync(m => m.ChatId == forum && m.VisibleText.Contains("Subscribed", StringComparison.Ordinal)));
        Assert.Equal(42, reply.ThreadId);
        Assert.NotNull(await Subscriptions.GetAsync(Topic(forum, 42), CancellationToken.None));
        Assert.Null(await Subscriptions.GetAsync(new ChatRef(Platform.Telegram, forum.ToString(CultureInfo.InvariantCulture), ChatKind.Group), CancellationToken.None));
    }

    private static ChatRef Private(long id) => new(Platform.Telegram, id.ToString(CultureInfo.InvariantCulture), ChatKind.Private);

    private static ChatRef Topic(long chat, long thread) =>
        new(Platform.Telegram, chat.ToString(CultureInfo.InvariantCulture), ChatKind.Group, thread.ToString(CultureInfo.InvariantCulture));

    // Waits on the fake's own signal (each request it answers) until the subscription reaches the state.
    private async Task<Subscription> WaitForAsync(ChatRef chat, Func<Subscription, bool> state)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await Subscriptions.GetAsync(chat, CancellationToken.None) is { } found && state(found))
            {
                return found;
            }

            var seen = Fake.Requests.Count;
            await Fake.WaitUntilAsync(f => f.Requests.Count > seen, what: $"subscription of {chat.ChatId} in the expected state");
            limit.Token.ThrowIfCancellationRequested();
        }
    }
}
