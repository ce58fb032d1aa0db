namespace Bot.Core.Subscriptions;

/// <summary>
/// A subscription's terms: instant or digest, quiet hours, and the zone its times are read in
/// (<see cref="TimeZone"/> null means <c>Bot:TimeZone</c>).
/// </summary>
public sealed record DeliveryPreferences(DigestSchedule? Digest, QuietWindow? Quiet, string? TimeZone)
{
    public static DeliveryPreferences Default { get; } = new(null, null, null);

    public DeliveryMode Mode => Digest?.Mode ?? DeliveryMode.Instant;
}
