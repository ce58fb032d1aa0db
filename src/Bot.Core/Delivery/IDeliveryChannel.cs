using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Delivery;

/// <summary>Where one delivery goes: a chat, or a thread / forum topic in it.</summary>
/// <param name="Silent">Send without a notification (the chat's quiet hours in silent mode): Telegram <c>disable_notification</c>, Discord <c>SUPPRESS_NOTIFICATIONS</c>.</param>
public sealed record DeliveryTarget(string ChatId, ChatKind Kind, string? ThreadId, bool Silent = false);

/// <summary>What a platform said when asked to send (or delete) one message. Adapters map every error to one of these.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <param name="MessageIds">The platform's ids of the message(s) created, kept so a retraction can delete them.</param>
    public sealed record Sent(IReadOnlyList<string> MessageIds) : SendOutcome;

    /// <summary>Slow down: only this chat / bucket waits; others keep flowing.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>A Telegram group became a supergroup; the subscription moves and the send is retried there.</summary>
    public sealed record ChatMigrated(string NewChatId) : SendOutcome;

    /// <summary>Blocked, kicked, chat deleted, no access: permanent; the subscription is deactivated.</summary>
    /// <param name="Reason">The platform's own words, kept for operators.</param>
    public sealed record ChatGone(ChatGoneKind Kind, string Reason) : SendOutcome;

    /// <summary>The platform refused this message (bad entities, too long…): permanent for this delivery.</summary>
    public sealed record BadRequest(string Reason) : SendOutcome;

    /// <summary>5xx, timeout, connection reset: retried with backoff.</summary>
    public sealed record Transient(string Reason) : SendOutcome;
}

/// <summary>
/// The platform side of delivery, implemented by each adapter. Rendering must be deterministic for
/// the same article, so a delivery that crashed between parts resumes at the next unsent part.
/// </summary>
public interface IDeliveryChannel
{
    Platform Platform { get; }

    /// <summary>How many messages the article becomes on this platform (≥ 1).</summary>
    int CountParts(Article article);

    /// <summary>Sends part <paramref name="partIndex"/> (0-based) of the article to the target.</summary>
    Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct);

    /// <summary>Deletes a message sent earlier (retraction). Sent means deleted or already gone; BadRequest means the platform no longer allows it.</summary>
    Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct);
}
