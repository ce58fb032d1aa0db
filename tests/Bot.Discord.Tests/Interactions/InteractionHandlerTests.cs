using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Discord.Interactions;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Support;
using Bot.Testing;
using Bot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Interactions;

/// <summary>The adapter's side of an interaction against a hand-written IChatBot; webhooks go to the fake Discord.</summary>
public sealed class InteractionHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<InteractionResponse> _initial = new();
    private FakeDiscord _discord = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _rest = new DiscordRestClient(TestOptions.Discord(_discord.ApiBaseUrl), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Command_OptionsAndChat_ArePassedToCore()
    {
        var bot = new GatedChatBot();
        var interaction = FakeInteractions.SlashCommand("subscribe", [("tags", 3, JsonValue.Create("国际 外交")), ("channel", 7, JsonValue.Create("710000000000000002"))], locale: "zh-CN");

        await HandleAsync(bot, interaction);

        var message = Assert.Single(bot.Messages);
        Assert.Equal("/subscribe", message.Text);
        Assert.Equal("国际 外交", message.Options!["tags"]);
        Assert.Equal("710000000000000002", message.Options!["channel"]);
        Assert.Equal(new ChatRef(Platform.Discord, FakeInteractions.ChannelId, ChatKind.DiscordChannel, null, "general"), message.Chat);
        Assert.Equal("zh-CN", message.User.LanguageCode);
        Assert.Equal(FakeInteractions.UserId, message.User.UserId);
    }

    [Fact]
    public async Task Command_InDirectMessage_IsAPrivateChat()
    {
        var bot = new GatedChatBot();

        await HandleAsync(bot, FakeInteractions.SlashCommand("subscribe", guildId: null));

        Assert.Equal(ChatKind.Private, Assert.Single(bot.Messages).Chat.Kind);
        Assert.True(await bot.Messages.Single().Access.CanManageChatAsync(default));
    }

    [Fact]
    public async Task Command_FastAnswer_IsTheInitialResponseAndTheRestAreFollowUps()
    {
        var bot = new GatedChatBot { Replies = [new Reply.Text("一"), new Reply.Text("二", Ephemeral: true)] };
        var interaction = FakeInteractions.SlashCommand("help");

        await HandleAsync(bot, interaction);

        var initial = Assert.Single(_initial);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, initial.Type);
        Assert.Equal("一", ((MessagePayload)initial.Data!).Content);
        var followUp = Assert.Single(_discord.CallsFor(FakeInteractions.TokenOf(interaction)));
        Assert.Equal(RecordedCallKind.Followup, followUp.Kind);
        Assert.Equal(64, (int?)followUp.Message!["flags"]);
    }

    [Fact]
    public async Task Command_SlowPersonalAnswer_IsDeferredPrivatelyThenEditsTheOriginal()
    {
        var bot = new GatedChatBot(released: false) { Replies = [new Reply.Text("慢")] };
        var interaction = FakeInteractions.SlashCommand("search");

        var handling = HandleAsync(bot, interaction, TimeSpan.Zero);
        await WaitForInitialAsync();
        var deferral = Assert.Single(_initial);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferral.Type);
        Assert.Equal(MessagePayload.EphemeralFlag, ((MessagePayload)deferral.Data!).Flags);
        bot.Release();
        await handling;

        var edit = Assert.Single(_discord.CallsFor(FakeInteractions.TokenOf(interaction)));
        Assert.Equal(RecordedCallKind.EditOriginal, edit.Kind);
        Assert.Equal("慢", edit.Content);
    }

    [Theory]
    [InlineData("search", 64)]
    [InlineData("help", 64)]
    [InlineData("subscribe", null)]
    public async Task Command_PersonalAnswersAreEphemeral_ChannelChangesArePublic(string command, int? flags)
    {
        var bot = new GatedChatBot { Replies = [new Reply.Text("答")] };

        await HandleAsync(bot, FakeInteractions.SlashCommand(command));

        Assert.Equal(flags, ((MessagePayload)Assert.Single(_initial).Data!).Flags);
    }

    [Fact]
    public async Task Command_SlowEphemeralAnswer_ReplacesThePublicPlaceholderPrivately()
    {
        var bot = new GatedChatBot(released: false) { Replies = [new Reply.Text("只给你", Ephemeral: true)] };
        var interaction = FakeInteractions.SlashCommand("subscribe");

        var handling = HandleAsync(bot, interaction, TimeSpan.Zero);
        await WaitForInitialAsync();
        bot.Release();
        await handling;

        var calls = _discord.CallsFor(FakeInteractions.TokenOf(interaction)).ToList();
        Assert.Equal([RecordedCallKind.DeleteOriginal, RecordedCallKind.Followup], calls.Select(c => c.Kind));
        Assert.Equal(64, (int?)calls[1].Message!["flags"]);
    }

    [Fact]
    public async Task Button_ReplaceOriginal_UpdatesTheMessage()
    {
        var bot = new GatedChatBot { Replies = [new Reply.Text("已发布", ReplaceOriginal: true)] };

        await HandleAsync(bot, FakeInteractions.Component("pub:7"));

        Assert.Equal("pub:7", Assert.Single(bot.Callbacks).Payload);
        var initial = Assert.Single(_initial);
        Assert.Equal(InteractionCallbackType.UpdateMessage, initial.Type);
        Assert.Empty(((MessagePayload)initial.Data!).Components!);
    }

    [Fact]
    public async Task Button_SlowReplaceOriginal_DefersTheUpdateThenEdits()
    {
        var bot = new GatedChatBot(released: false) { Replies = [new Reply.Text("已发布", ReplaceOriginal: true)] };
        var interaction = FakeInteractions.Component("pub:8");

        var handling = HandleAsync(bot, interaction, TimeSpan.Zero);
        await WaitForInitialAsync();
        bot.Release();
        await handling;

        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, Assert.Single(_initial).Type);
        Assert.Equal(RecordedCallKind.EditOriginal, Assert.Single(_discord.CallsFor(FakeInteractions.TokenOf(interaction))).Kind);
    }

    [Fact]
    public async Task Command_CoreThrows_AnswersWithALocalizedError()
    {
        var bot = new GatedChatBot { Throw = new InvalidOperationException("boom") };

        await HandleAsync(bot, FakeInteractions.SlashCommand("latest", locale: "zh-CN"));

        var data = (MessagePayload)Assert.Single(_initial).Data!;
        Assert.Equal(MessagePayload.EphemeralFlag, data.Flags);
        Assert.Equal(Bot.Core.Localization.UiText.Chinese.Failure, data.Content);
    }

    [Fact]
    public async Task Post_WithAttachment_GivesCoreAFileThatDownloads()
    {
        var bot = new GatedChatBot();
        var url = _discord.AddFile("a.md", "# 标题\n\n正文"u8.ToArray());
        var interaction = FakeInteractions.SlashCommand("post", [("file", 11, JsonValue.Create("9"))], resolved: FakeInteractions.ResolvedAttachment("9", "a.md", 17, url));

        await HandleAsync(bot, interaction);

        var file = Assert.Single(bot.Messages).File!;
        Assert.Equal("a.md", file.FileName);
        await using var stream = await file.OpenAsync(default);
        using var reader = new StreamReader(stream);
        Assert.Equal("# 标题\n\n正文", await reader.ReadToEndAsync());
        Assert.False(bot.Messages.Single().Options!.ContainsKey("file"));
    }

    [Fact]
    public async Task Post_AttachmentLargerThanSaid_StopsAtTheLimit()
    {
        var bot = new GatedChatBot();
        var url = _discord.AddFile("big.txt", new byte[2048]);
        var interaction = FakeInteractions.SlashCommand("post", [("file", 11, JsonValue.Create("9"))], resolved: FakeInteractions.ResolvedAttachment("9", "big.txt", 10, url));

        await HandleAsync(bot, interaction, maxAttachmentBytes: 1024);

        var file = Assert.Single(bot.Messages).File!;
        await Assert.ThrowsAsync<InvalidDataException>(() => file.OpenAsync(default));
    }

    [Fact]
    public async Task ModalSubmit_BecomesPostWithTitleAndBody()
    {
        var bot = new GatedChatBot();

        await HandleAsync(bot, FakeInteractions.ModalSubmit("post:modal", new Dictionary<string, string> { ["title"] = "标题", ["body"] = "正文" }));

        var message = Assert.Single(bot.Messages);
        Assert.Equal("/post", message.Text);
        Assert.Equal("标题", message.Options!["title"]);
        Assert.Equal("正文", message.Options!["body"]);
    }

    private async Task WaitForInitialAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_initial.IsEmpty)
        {
            // The initial response is a callback into this test, not a change on the fake: poll it.
            await Task.Delay(10, limit.Token);
        }
    }

    private Task HandleAsync(GatedChatBot bot, JsonObject interaction, TimeSpan? deferAfter = null, long maxAttachmentBytes = 10 * 1024 * 1024)
    {
        var options = Options.Create(new DiscordOptions
        {
            Token = FakeDiscord.Token,
            ApiBaseUrl = _discord.ApiBaseUrl,
            DeferAfter = deferAfter ?? TimeSpan.FromSeconds(2),
            MaxAttachmentBytes = maxAttachmentBytes,
        });
        var services = new ServiceCollection().AddSingleton<IChatBot>(bot).BuildServiceProvider();
        var handler = new InteractionHandler(
            services.GetRequiredService<IServiceScopeFactory>(),
            _rest,
            new DiscordApplicationInfo(_rest),
            TestCommands.Catalog,
            new ReplyRenderer(new ArticleRenderer(options)),
            options,
            TimeProvider.System,
            NullLogger<InteractionHandler>.Instance);
        var parsed = interaction.Deserialize<Interaction>(DiscordJson.Options)!;
        return handler.HandleAsync(parsed, (response, _) =>
        {
            _initial.Enqueue(response);
            return Task.CompletedTask;
        }, default);
    }
}
