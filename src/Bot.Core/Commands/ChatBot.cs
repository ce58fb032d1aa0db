using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Commands.Conversations;
using Bot.Core.Configuration;
using Bot.Core.Localization;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Commands;

/// <summary>
/// The platform-neutral front door: finds the handler for a command in a table, enforces every rule
/// its descriptor states (platform, admin-only, the chat it manages, ending a pending conversation),
/// routes plain messages to a waiting conversation, and turns any failure into a polite reply.
/// </summary>
public sealed class ChatBot(
    IEnumerable<ICommandHandler> handlers,
    IEnumerable<ICallbackHandler> callbacks,
    CommandCatalog catalog,
    AdminList admins,
    SqliteConversationStore conversations,
    PostIntake intake,
    ScheduleReplies schedule,
    ILogger<ChatBot> logger) : IChatBot
{
    private readonly Dictionary<string, ICommandHandler> _handlers = handlers.ToDictionary(h => h.Descriptor.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICallbackHandler> _callbacks = callbacks.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleMessageAsync(IncomingMessage message, CancellationToken ct)
    {
        var text = UiText.For(message.User.LanguageCode);
        try
        {
            var command = CommandLine.Parse(message.Text, message.BotUsername);
            if (command is not null)
            {
                return await RunCommandAsync(message, command, text, ct);
            }

            if (message.Text.StartsWith('/'))
            {
                // "/help@OtherBot" is another bot's; a malformed command ("/搜索") gets help, but only
                // in a private chat, where nobody else could have been meant.
                var head = message.Text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                return message.Chat.Kind == ChatKind.Private && !head.Contains('@', StringComparison.Ordinal)
                    ? [UnknownCommand(Context(message, string.Empty, text), head.TrimStart('/'))]
                    : [];
            }

            return await ContinueConversationAsync(message, text, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling a message from {Platform} chat {ChatId} failed", message.Chat.Platform, message.Chat.ChatId);
            return CommandContext.Say(text.Failure);
        }
    }

    public async Task<IReadOnlyList<Reply>> HandleCallbackAsync(CallbackRequest callback, CancellationToken ct)
    {
        var text = UiText.For(callback.User.LanguageCode);
        try
        {
            if (ButtonPayload.KindOf(callback.Payload) is not { } kind || !_callbacks.TryGetValue(kind, out var handler))
            {
                return [new Reply.Text(text.ButtonExpired, Ephemeral: true)];
            }

            var isAdmin = admins.IsAdmin(callback.User);
            if (handler.AdminOnly && !isAdmin)
            {
                return [new Reply.Text(text.AdminOnly, Ephemeral: true)];
            }

            return await handler.HandleAsync(new CallbackContext(callback, text, isAdmin), callback.Payload, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling a button from {Platform} chat {ChatId} failed", callback.Chat.Platform, callback.Chat.ChatId);
            return [new Reply.Text(text.Failure, Ephemeral: true)];
        }
    }

    private async Task<IReadOnlyList<Reply>> RunCommandAsync(IncomingMessage message, CommandLine command, UiText text, CancellationToken ct)
    {
        var context = Context(message, command.Arguments, text);
        if (!_handlers.TryGetValue(command.Name, out var handler) || !handler.Descriptor.IsOn(message.Chat.Platform))
        {
            // In groups, stay quiet unless addressed by name: other bots there may know the command.
            var addressed = message.Chat.Kind == ChatKind.Private || message.Text.Contains('@', StringComparison.Ordinal);
            return addressed ? [UnknownCommand(context, command.Name)] : [];
        }

        var descriptor = handler.Descriptor;
        if (descriptor.AdminOnly && !context.IsAdmin)
        {
            logger.LogInformation("Refused /{Command} to non-admin {Platform} user {UserId}", descriptor.Name, message.User.Platform, message.User.UserId);
            return CommandContext.SayPrivately(text.AdminOnly);
        }

        if (descriptor.ManagesChat)
        {
            var resolution = await ChatTargeting.ResolveAsync(message, command.Arguments, text, ct);
            if (resolution.Target is null)
            {
                return CommandContext.SayPrivately(resolution.Refusal!);
            }

            context = context with { Arguments = resolution.RemainingArguments, Target = resolution.Target };
        }

        if (!descriptor.ContinuesConversation)
        {
            // Any other command ends a pending /post, so a later stray message is not taken for an article.
            await conversations.ClearAsync(message.Chat, message.User, ct);
        }

        return await handler.HandleAsync(context, ct);
    }

    private CommandContext Context(IncomingMessage message, string arguments, UiText text) =>
        new(message, arguments, text, admins.IsAdmin(message.User)) { Commands = catalog };

    private static Reply.Text UnknownCommand(CommandContext context, string name) =>
        new(context.Text.UnknownCommand(name) + "\n\n" + CommandHelp.Render(context));

    private async Task<IReadOnlyList<Reply>> ContinueConversationAsync(IncomingMessage message, UiText text, CancellationToken ct)
    {
        var conversation = await conversations.GetAsync(message.Chat, message.User, ct);
        if (conversation is null || !admins.IsAdmin(message.User))
        {
            return message.Chat.Kind == ChatKind.Private ? CommandContext.Say(text.NonCommandHint) : [];
        }

        await conversations.ClearAsync(message.Chat, message.User, ct);
        switch (conversation.State)
        {
            case ConversationState.AwaitingPost when message.File is not null:
                return await intake.FromFileAsync(message, text, ct);
            case ConversationState.AwaitingPost when !string.IsNullOrWhiteSpace(message.Text):
                return await intake.FromTextAsync(message, message.Text, text, ct);
            case ConversationState.AwaitingScheduleTime when long.TryParse(conversation.Data, out var id):
                return await schedule.ScheduleAsync(id, message.Text, text, ct);
            default:
                return CommandContext.Say(text.NonCommandHint);
        }
    }
}
