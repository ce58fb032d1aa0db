namespace Bot.Core.Subscriptions;

/// <summary>Local wall times of a zone to UTC instants, with daylight-saving gaps and overlaps decided once.</summary>
public static class LocalTimes
{
    /// <summary>
    /// A wall time that does not exist (spring forward) is read with the offset before the change, so it
    /// lands just after the gap; a wall time that happens twice (autumn) is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
