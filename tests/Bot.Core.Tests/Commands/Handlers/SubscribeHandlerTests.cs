using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class SubscribeHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Subscribe_WithTags_SubscribesThisChat()
    {
        var replies = await _bot.SendAsync("/subscribe 朝鲜 author:倪刃");

        Assert.Equal(UiText.English.Subscribed(new SubscriptionFilter(["朝鲜"], ["倪刃"], [])), ChatBotHarness.TextOf(replies));
        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default);
        Assert.Equal(["朝鲜"], subscription!.Filter.Tags);
    }

    [Fact]
    public async Task Subscribe_MoreTagsThanTheLimit_IsRefusedWithTheLimit()
    {
        var tags = string.Join(' ', Enumerable.Range(1, 500).Select(i => "t" + i));

        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/subscribe " + tags)));

        Assert.Contains(SqliteSubscriptionService.MaxValuesPerKind.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(UiText.English.TooManyFilterItems(SqliteSubscriptionService.MaxValuesPerKind), reply.Markdown);
        Assert.Null(await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default));
    }

    [Fact]
    public async Task Subscribe_ExactlyTheLimit_IsAccepted()
    {
        var tags = string.Join(' ', Enumerable.Range(1, SqliteSubscriptionService.MaxValuesPerKind).Select(i => "t" + i));

        await _bot.SendAsync("/subscribe " + tags);

        var subscription = await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default);
        Assert.Equal(SqliteSubscriptionService.MaxValuesPerKind, subscription!.Filter.Tags.Count);
    }

    [Fact]
    public async Task Subscribe_InGroupAsNonAdmin_IsRefusedPrivately()
    {
        var reply = Assert.IsType<Reply.Text>(Assert.Single(await _bot.SendAsync("/subscribe", chat: ChatBotHarness.Group(), access: new ScriptedAccess(canManage: false))));

        Assert.Equal(UiText.English.NotChatAdmin, reply.Markdown);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task Subscribe_WhereTheBotCannotPost_IsRefused()
    {
        var reply = await _bot.Bot.HandleMessageAsync(new IncomingMessage(ChatBotHarness.Private(), ChatBotHarness.User(), "/subscribe", new MutedAccess()), default);

        Assert.Equal(UiText.English.Refusal(ChatRefusal.BotCannotPost), ChatBotHarness.TextOf(reply));
        Assert.Null(await _bot.Services.GetRequiredService<ISubscriptionService>().GetAsync(ChatBotHarness.Private(), default));
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
    public async Task SubscribeWithDigest_SubscribesAndSetsTheDigest_WithoutATagNamedDigest()
    {
        Assert.Contains("Usage:", ChatBotHarness.TextOf(await _bot.SendAsync("/subscribe 朝鲜 digest:weekly")), StringComparison.Ordinal);
        Assert.Contains("not subscribed", ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions")), StringComparison.Ordinal);
        await _bot.SendAsync("/subscribe 朝鲜 digest:08:00");

        var status = ChatBotHarness.TextOf(await _bot.SendAsync("/subscriptions"));
        Assert.Contains("朝鲜", status, StringComparison.Ordinal);
        Assert.DoesNotContain("digest:", status, StringComparison.Ordinal);
        Assert.Contains("digest at 08\\:00", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_IsPublicAndManagesTheChat()
    {
        var descriptor = _bot.Services.GetRequiredService<CommandCatalog>().Find("subscribe")!;

        Assert.True(descriptor.ManagesChat);
        Assert.False(descriptor.AdminOnly);
        Assert.Equal(AnswerVisibility.Public, descriptor.Answer);
        Assert.Equal([OptionNames.Tags, OptionNames.Channel], descriptor.Options.Select(o => o.Name));
    }

    private sealed class MutedAccess : IChatAccess
    {
        public Task<bool> CanManageChatAsync(CancellationToken ct) => Task.FromResult(true);

        public Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct) =>
            Task.FromResult<ChatResolution>(new ChatResolution.Refused(ChatRefusal.NotFound));

        public Task<bool> CanBotPostHereAsync(CancellationToken ct) => Task.FromResult(false);
    }
}
