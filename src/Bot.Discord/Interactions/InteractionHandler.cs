using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;
using Bot.Discord.Models;
using Bot.Discord.Permissions;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// Turns one interaction into a call on Core's <see cref="IChatBot"/> (in a fresh DI scope) and renders
/// the replies. The deadline runs from when the interaction was received, and Core runs on the thread
/// pool, off the path of the initial response: its SQLite calls complete synchronously and may wait on a
/// write lock for seconds. When Core is not done by <see cref="DiscordOptions.DeferAfter"/> the
/// interaction is deferred and answered by editing the original response and sending follow-ups
/// through its webhook, which lives 15 minutes. What a command is (who sees its answer, what its
/// options suggest) comes from its descriptor in the catalogue; whether it opens a form comes from
/// Core's reply: nothing here knows a command by name.
/// </summary>
public sealed class InteractionHandler(
    IServiceScopeFactory scopes,
    IDiscordRestClient rest,
    DiscordApplicationInfo application,
    CommandCatalog catalog,
    ReplyRenderer renderer,
    IOptions<DiscordOptions> settings,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    /// <summary>Discord keeps an interaction's webhook (follow-ups, edits of the original) for 15 minutes.</summary>
    private static readonly TimeSpan WebhookLifetime = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(Interaction interaction, InteractionResponder respond, CancellationToken ct)
    {
        // The deadline starts first: before scopes, permission checks or Core.
        if (interaction.ReceivedAt is null)
        {
            interaction = interaction with { ReceivedAt = time.GetUtcNow() };
        }

        var language = Languages.FromTag(interaction.Locale ?? interaction.GuildLocale);
        try
        {
            await (interaction switch
            {
                { Type: InteractionType.Ping } => respond(InteractionResponse.Pong, ct),
                { Type: InteractionType.ApplicationCommandAutocomplete, Data: { } data } => OnAutocompleteAsync(interaction, data, respond, ct),
                { Type: InteractionType.ApplicationCommand, Data: { } data } => OnCommandAsync(interaction, data, language, respond, ct),
                { Type: InteractionType.MessageComponent, Data.CustomId: { } payload } => OnComponentAsync(interaction, payload, respond, ct),
                { Type: InteractionType.ModalSubmit, Data: { } data } => OnFormAsync(interaction, data, respond, ct),
                _ => OnUnknownAsync(interaction),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Discord interaction {InteractionId} of type {InteractionType} failed", interaction.Id, interaction.Type);
        }
    }

    private Task OnUnknownAsync(Interaction interaction)
    {
        logger.LogWarning("Ignoring Discord interaction {InteractionId} of type {InteractionType}", interaction.Id, interaction.Type);
        return Task.CompletedTask;
    }

    private async Task OnAutocompleteAsync(Interaction interaction, InteractionData data, InteractionResponder respond, CancellationToken ct)
    {
        IReadOnlyList<AutocompleteChoice> choices = [];
        if (data.Options?.FirstOrDefault(o => o.Focused == true) is { } focused
            && catalog.Find(data.Name ?? string.Empty)?.Option(focused.Name) is { Suggestions: not OptionSuggestions.None } option)
        {
            // Suggestions cannot be deferred: when the archive is busy past the deadline, none are offered.
            var suggest = Task.Run(
                async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var autocomplete = scope.ServiceProvider.GetRequiredService<TagAutocomplete>();
                    return await autocomplete.SuggestAsync(option.Suggestions, focused.ValueText ?? string.Empty, ct);
                },
                ct);
            try
            {
                choices = await suggest.WaitAsync(UntilDeferral(interaction), time, ct);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Tag suggestions for Discord interaction {InteractionId} took too long; none are offered", interaction.Id);
                _ = suggest.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        await respond(new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteData(choices)), ct);
    }

    /// <summary>How long is left before the interaction must be deferred (zero when it is already late).</summary>
    private TimeSpan UntilDeferral(Interaction interaction)
    {
        var left = (interaction.ReceivedAt ?? time.GetUtcNow()) + settings.Value.DeferAfter - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private Task OnCommandAsync(Interaction interaction, InteractionData data, Language language, InteractionResponder respond, CancellationToken ct)
    {
        var name = data.Name ?? string.Empty;
        IncomingFile? file = null;
        if (InteractionMapper.AttachmentOption(data) is { } attachment)
        {
            // Core checks the file's name and size before it opens it; the download itself is capped too,
            // since the size Discord reports is only what the uploader's client claimed.
            var max = settings.Value.MaxAttachmentBytes;
            file = new IncomingFile(attachment.Filename, attachment.Size, token => rest.DownloadAttachmentAsync(attachment.Url, max, token));
        }

        var message = new IncomingMessage(
            InteractionMapper.Chat(interaction),
            InteractionMapper.User(interaction),
            "/" + name,
            Access(interaction),
            file,
            InteractionMapper.Options(data),
            CanOpenForm: true);

        // What a command changes for everyone in the channel is answered publicly; everything else
        // (help, search, reading, admin previews, unknown commands) is personal, seen only by the asker.
        var personal = catalog.Find(name)?.Answer != AnswerVisibility.Public;
        return RunAsync(interaction, isComponent: false, personal, language, (bot, token) => bot.HandleMessageAsync(message, token), respond, ct);
    }

    private Task OnComponentAsync(Interaction interaction, string payload, InteractionResponder respond, CancellationToken ct)
    {
        var language = Languages.FromTag(interaction.Locale);
        var callback = new CallbackRequest(InteractionMapper.Chat(interaction), InteractionMapper.User(interaction), payload, Access(interaction));
        return RunAsync(interaction, isComponent: true, personal: true, language, (bot, token) => bot.HandleCallbackAsync(callback, token), respond, ct);
    }

    private Task OnFormAsync(Interaction interaction, InteractionData data, InteractionResponder respond, CancellationToken ct)
    {
        if (!FormPayload.TryParse(data.CustomId, out var form))
        {
            return OnUnknownAsync(interaction);
        }

        var language = Languages.FromTag(interaction.Locale);
        var message = new IncomingMessage(
            InteractionMapper.Chat(interaction),
            InteractionMapper.User(interaction),
            form.CommandText,
            Access(interaction),
            Options: InteractionMapper.ModalValues(data));
        var personal = catalog.Find(form.Command)?.Answer != AnswerVisibility.Public;
        return RunAsync(interaction, isComponent: false, personal, language, (bot, token) => bot.HandleMessageAsync(message, token), respond, ct);
    }

    private DiscordChatAccess Access(Interaction interaction) => new(interaction, rest, application);

    private async Task RunAsync(
        Interaction interaction,
        bool isComponent,
        bool personal,
        Language language,
        Func<IChatBot, CancellationToken, Task<IReadOnlyList<Reply>>> handle,
        InteractionResponder respond,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IChatBot>();

        // On the thread pool: a Core call that blocks its thread (SQLite waiting on a lock) cannot hold the deferral back.
        var work = Guard(Task.Run(() => handle(bot, ct), ct), interaction, language);
        var untilDeferral = UntilDeferral(interaction);
        if (!work.IsCompleted && untilDeferral > TimeSpan.Zero)
        {
            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(work, Task.Delay(untilDeferral, time, cancelDelay.Token));
            await cancelDelay.CancelAsync();
        }

        if (work.IsCompleted)
        {
            var replies = await work;
            if (replies is [Reply.Form form])
            {
                // Only a first answer can open a modal, so a form that comes later is said in words instead.
                await respond(FormModal.Create(form), ct);
                return;
            }

            await AnswerAsync(interaction, isComponent, language, Render(replies, personal), respond, ct);
            return;
        }

        // A deferred answer keeps the visibility of its placeholder, so a personal one is deferred privately.
        var deferral = isComponent ? new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage)
            : personal ? new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new MessagePayload { Flags = MessagePayload.EphemeralFlag })
            : new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource);
        await respond(deferral, ct);
        var late = await work;
        if (time.GetUtcNow() > interaction.ReceivedAt + WebhookLifetime)
        {
            logger.LogWarning("Core answered Discord interaction {InteractionId} after its webhook expired (15 minutes); the answer is dropped", interaction.Id);
            return;
        }

        await AnswerDeferredAsync(interaction, isComponent, personal, language, Render(late, personal), ct);
    }

    private async Task<IReadOnlyList<Reply>> Guard(Task<IReadOnlyList<Reply>> work, Interaction interaction, Language language)
    {
        try
        {
            return await work;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Core failed on Discord interaction {InteractionId}", interaction.Id);
            return [new Reply.Text(UiText.For(language).Failure, Ephemeral: true)];
        }
    }

    private async Task AnswerAsync(Interaction interaction, bool isComponent, Language language, List<(MessagePayload Message, bool Replace)> messages, InteractionResponder respond, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            await respond(
                isComponent
                    ? new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage)
                    : Message(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = UiText.For(language).Done, Flags = MessagePayload.EphemeralFlag }),
                ct);
            return;
        }

        var (first, replace) = messages[0];
        var type = isComponent && replace ? InteractionCallbackType.UpdateMessage : InteractionCallbackType.ChannelMessageWithSource;
        await respond(Message(type, type == InteractionCallbackType.UpdateMessage ? first with { Flags = null } : first), ct);
        await FollowUpAsync(interaction, messages.Skip(1), ct);
    }

    private async Task AnswerDeferredAsync(Interaction interaction, bool isComponent, bool personal, Language language, List<(MessagePayload Message, bool Replace)> messages, CancellationToken ct)
    {
        var app = interaction.ApplicationId;
        if (messages.Count == 0)
        {
            if (!isComponent)
            {
                await rest.EditOriginalInteractionResponseAsync(app, interaction.Token, new MessagePayload { Content = UiText.For(language).Done }, ct);
            }

            return;
        }

        var (first, replace) = messages[0];
        var followUps = messages.Skip(1);
        if (isComponent)
        {
            // After a deferred update the original is the message that carried the button.
            if (replace)
            {
                await rest.EditOriginalInteractionResponseAsync(app, interaction.Token, first with { Flags = null }, ct);
            }
            else
            {
                followUps = messages;
            }
        }
        else if (first.Flags == MessagePayload.EphemeralFlag && !personal)
        {
            // The "thinking…" message was public; an ephemeral answer replaces it with a private follow-up.
            await rest.DeleteOriginalInteractionResponseAsync(app, interaction.Token, ct);
            followUps = messages;
        }
        else
        {
            await rest.EditOriginalInteractionResponseAsync(app, interaction.Token, first, ct);
        }

        await FollowUpAsync(interaction, followUps, ct);
    }

    private async Task FollowUpAsync(Interaction interaction, IEnumerable<(MessagePayload Message, bool Replace)> messages, CancellationToken ct)
    {
        foreach (var (message, _) in messages)
        {
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, ct);
        }
    }

    private List<(MessagePayload Message, bool Replace)> Render(IReadOnlyList<Reply> replies, bool personal) =>
        replies
            .SelectMany(reply => renderer.Render(reply).Select(message => (
                personal ? message with { Flags = MessagePayload.EphemeralFlag } : message,
                reply is Reply.Text { ReplaceOriginal: true })))
            .ToList();

    private static InteractionResponse Message(InteractionCallbackType type, MessagePayload payload) => new(type, payload);
}
