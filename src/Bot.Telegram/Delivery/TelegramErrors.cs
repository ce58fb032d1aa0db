using Bot.Core.Delivery;
using Telegram.Bot.Exceptions;

namespace Bot.Telegram.Delivery;

/// <summary>Maps what Telegram answered to the delivery outcomes every platform shares.</summary>
public static class TelegramErrors
{
    // 400s that mean the chat is unreachable for good, not that this one message was wrong.
    private static readonly string[] GoneDescriptions =
    [
        "chat not found",
        "user is deactivated",
        "peer_id_invalid",
        "need administrator rights",
        "not enough rights to send",
        "have no rights to send",
        "chat_write_forbidden",
        "channel_private",
        "group chat was deleted",
    ];

    public static SendOutcome ToOutcome(Exception exception) => exception switch
    {
        // A deleted forum topic: only the subscription in that topic stops (subscriptions are per thread).
        ApiRequestException { ErrorCode: 400 } e when e.Message.Contains("message thread not found", StringComparison.OrdinalIgnoreCase)
            => new SendOutcome.ChatGone("the forum topic was deleted"),
        ApiRequestException { ErrorCode: 429 } e => new SendOutcome.RateLimited(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        ApiRequestException { Parameters.MigrateToChatId: { } newId } => new SendOutcome.ChatMigrated(newId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ApiRequestException { ErrorCode: 403 } e => new SendOutcome.ChatGone(e.Message),
        ApiRequestException { ErrorCode: 400 } e when IsGone(e.Message) => new SendOutcome.ChatGone(e.Message),
        ApiRequestException { ErrorCode: 400 } e => new SendOutcome.BadRequest(e.Message),
        ApiRequestException e => new SendOutcome.Transient($"{e.ErrorCode} {e.Message}"),
        RequestException or HttpRequestException or TimeoutException or IOException => new SendOutcome.Transient(exception.Message),
        _ => new SendOutcome.Transient(exception.GetType().Name + ": " + exception.Message),
    };

    public static bool IsGone(string description) =>
        GoneDescriptions.Any(d => description.Contains(d, StringComparison.OrdinalIgnoreCase));
}
