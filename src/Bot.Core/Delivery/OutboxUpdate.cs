using Bot.Core.Subscriptions;

namespace Bot.Core.Delivery;

/// <summary>One change the worker records after talking to a platform; several are committed together.</summary>
public abstract record OutboxUpdate
{
    private OutboxUpdate()
    {
    }

    /// <summary>Parts up to <paramref name="NextPart"/> are on the platform; <paramref name="Done"/> when it was the last.</summary>
    public sealed record PartsSent(long DeliveryId, string Owner, int NextPart, int PartCount, IReadOnlyList<string> MessageIds, IReadOnlyList<string> NewMessageIds, bool Done, DateTimeOffset LeaseUntil) : OutboxUpdate;

    /// <summary>Gives the lease back and tries again at <paramref name="At"/>; a transient failure counts an attempt.</summary>
    public sealed record Retry(long DeliveryId, string Owner, DateTimeOffset At, bool CountsAttempt, string? Error) : OutboxUpdate;

    public sealed record Failed(long DeliveryId, string Owner, string Reason) : OutboxUpdate;

    /// <summary>The chat is gone: the subscription is deactivated and all its pending deliveries fail.</summary>
    public sealed record ChatGone(long DeliveryId, long SubscriptionId, ChatGoneKind Kind, string Reason) : OutboxUpdate;

    /// <summary>The chat has a new id: the subscription moves there and the delivery is retried at once.</summary>
    public sealed record ChatMigrated(long DeliveryId, string Owner, long SubscriptionId, string NewChatId) : OutboxUpdate;

    public sealed record DeletionFinished(long DeletionId, string Owner, bool Deleted, string? Error) : OutboxUpdate;

    public sealed record DeletionRetry(long DeletionId, string Owner, DateTimeOffset At, bool CountsAttempt, string? Error) : OutboxUpdate;
}
