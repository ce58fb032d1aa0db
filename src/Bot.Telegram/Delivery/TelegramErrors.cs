using Bot.Core.Delivery;
using Bot.Core.Subscriptions;
using Telegram.Bot.Exceptions;

namespace Bot.Telegram.Delivery;

/// <summary>Maps what Telegram answered to the delivery outcomes every platform shares.</summary>
public static class TelegramErrors
{
    // What Telegram's descriptions say about a chat it will no longer take messages for (403s, and the 400s that
    // mean the chat is unreachable for good, not that this one message was wrong), as a kind the bot can explain.
    private static readonly (string Description, ChatGoneKind Kind)[] GoneDescriptions =
    [
        ("bot was blocked by the user", ChatGoneKind.BlockedByUser),
        ("user is deactivated", ChatGoneKind.BlockedByUser),
        ("bot was kicked", ChatGoneKind.RemovedFromChat),
        ("bot is not a member", ChatGoneKind.RemovedFromChat),
        ("channel_private", ChatGoneKind.RemovedFromChat),
        ("chat not found", ChatGoneKind.ChatDeleted),
        ("peer_id_invalid", ChatGoneKind.ChatDeleted),
        ("group chat was deleted", ChatGoneKind.ChatDeleted),
        ("need administrator rights", ChatGoneKind.NoRightToPost),
        ("not enough rights to send", ChatGoneKind.NoRightToPost),
        ("have no rights to send", ChatGoneKind.NoRightToPost),
        ("chat_write_forbidden", ChatGoneKind.NoRightToPost),
    ];

    public static SendOutcome ToOutcome(Exception exception) => exception switch
    {
        // A deleted forum topic: only the subscription in that topic stops (subscriptions are per thread).
        ApiRequestException { ErrorCode: 400 } e when e.Message.Contains("message thread not found", StringComparison.OrdinalIgnoreCase)
            => new SendOutcome.ChatGone(ChatGoneKind.TopicDeleted, "the forum topic was deleted"),
        ApiRequestException { ErrorCode: 429 } e => new SendOutcome.RateLimited(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        ApiRequestException { Parameters.MigrateToChatId: { } newId } => new SendOutcome.ChatMigrated(newId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ApiRequestException { ErrorCode: 403 } e => new SendOutcome.ChatGone(GoneKind(e.Message) ?? ChatGoneKind.Other, e.Message),
        ApiRequestException { ErrorCode: 400 } e when GoneKind(e.Message) is { } kind => new SendOutcome.ChatGone(kind, e.Message),
        ApiRequestException { ErrorCode: 400 } e => new SendOutcome.BadRequest(e.Message),
        ApiRequestException e => new SendOutcome.Transient($"{e.ErrorCode} {e.Message}"),
        RequestException or HttpRequestException or TimeoutException or IOException => new SendOutcome.Transient(exception.Message),
        _ => new SendOutcome.Transient(exception.GetType().Name + ": " + exception.Message),
    };

    /// <summary>The kind of a description that means the chat is gone for good, or null.</summary>
    public static ChatGoneKind? GoneKind(string description) =>
        GoneDescriptions.Where(d => description.Contains(d.Description, StringComparison.OrdinalIgnoreCase)).Select(d => (ChatGoneKind?)d.Kind).FirstOrDefault();
}
