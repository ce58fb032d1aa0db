using Bot.Core.Chat;

namespace Bot.Core.Delivery;

/// <summary>
/// What adapters call before sending a reply to a reader (a command's answer, a search page, a callback's
/// edit): the reply takes its token from the same per-platform and per-chat buckets as deliveries, ahead
/// of them. It waits only when the platform's own limits leave no token at all, and then no longer than
/// one refill of the bucket that is short, because deliveries stop taking tokens while a reply waits.
/// </summary>
public interface IReplyBudget
{
    /// <summary>Completes when the reply may be sent (at once when a token is there).</summary>
    ValueTask AcquireReplyAsync(Platform platform, string chatId, ChatKind kind, CancellationToken ct);

    /// <summary>The platform answered a reply with 429: the chat waits <paramref name="retryAfter"/>, deliveries too.</summary>
    void Block(Platform platform, string chatId, ChatKind kind, TimeSpan retryAfter);
}
