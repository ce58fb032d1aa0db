using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Digests;

/// <summary>
/// Changes a chat's delivery terms. Every method returns the subscription as it now is, or null when the
/// chat has no subscription (terms belong to a subscription: /subscribe first).
/// </summary>
public interface IDeliveryPreferenceService
{
    /// <summary>
    /// A digest at the given local time, or instant delivery again when <paramref name="schedule"/> is null.
    /// Going back to instant queues the articles that were waiting for the next digest as ordinary deliveries,
    /// so none is lost. <paramref name="language"/> is the tag of whoever set it, for the digest's own words.
    /// </summary>
    Task<Subscription?> SetDigestAsync(ChatRef chat, DigestSchedule? schedule, string? language, CancellationToken ct);

    /// <summary>Quiet hours, or none when <paramref name="window"/> is null.</summary>
    Task<Subscription?> SetQuietAsync(ChatRef chat, QuietWindow? window, CancellationToken ct);

    /// <summary>The chat's IANA zone (<paramref name="zone"/> must be known: see <see cref="ChatTimeZones.TryFind"/>); the next digest time moves with it.</summary>
    Task<Subscription?> SetTimeZoneAsync(ChatRef chat, string zone, CancellationToken ct);
}
