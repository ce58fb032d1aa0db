using Bot.Core.Chat;

namespace Bot.Core.Publishing;

public enum PublishStatus
{
    Published,
    Scheduled,
    Retracted,
    NotFound,
    AlreadyPublished,
    AlreadyRetracted,
    TimeInPast,
}

/// <param name="Deliveries">How many deliveries the fan-out recorded (publish) or deletions it queued (retract).</param>
public sealed record PublishOutcome(long ArticleId, PublishStatus Status, int Deliveries = 0, DateTimeOffset? At = null);

/// <summary>Delivery counts for one article or for everything.</summary>
public sealed record DeliveryStats(int Pending, int Sent, int Failed);

/// <summary>Counts per subscription for admins.</summary>
public sealed record SubscriptionStats(long SubscriptionId, Platform Platform, string ChatId, bool Active, int Pending, int Sent, int Failed);

/// <summary>
/// Moves articles through draft → scheduled → published → retracted. Publishing records one outbox row
/// per matching subscription in the same transaction as the state change.
/// </summary>
public interface IPublishingService
{
    Task<PublishOutcome> PublishNowAsync(long articleId, CancellationToken ct);

    Task<PublishOutcome> ScheduleAsync(long articleId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Hides the article from search and reading, and queues deletion of its delivered messages where the platform still allows it.</summary>
    Task<PublishOutcome> RetractAsync(long articleId, CancellationToken ct);

    /// <summary>Publishes every scheduled article whose time has come (called by the Quartz job). Returns how many.</summary>
    Task<int> PublishDueAsync(CancellationToken ct);

    Task<DeliveryStats> StatsAsync(long? articleId, CancellationToken ct);

    Task<IReadOnlyList<SubscriptionStats>> SubscriptionStatsAsync(CancellationToken ct);
}
