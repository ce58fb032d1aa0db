using Bot.Core.Chat;

namespace Bot.Core.Delivery;

/// <summary>A delivery this worker holds a lease on, with where it stopped last time.</summary>
/// <param name="DigestId">Set when the delivery is a digest: its content is the digest's articles, not <paramref name="ArticleId"/>.</param>
public sealed record LeasedDelivery(
    long Id,
    long ArticleId,
    long SubscriptionId,
    Platform Platform,
    DeliveryTarget Target,
    int NextPart,
    int? PartCount,
    IReadOnlyList<string> MessageIds,
    int Attempts,
    long? DigestId = null);

/// <summary>A message of a retracted article this worker holds a lease on, to delete.</summary>
public sealed record LeasedDeletion(long Id, Platform Platform, DeliveryTarget Target, string MessageId, int Attempts);

/// <summary>A pending head of a chat's queue, offered to the rate limiter before it is leased.</summary>
public sealed record LeaseCandidate(long SubscriptionId, Platform Platform, DeliveryTarget Target);
