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
