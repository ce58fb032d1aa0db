using System.Globalization;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Hours in the chat's local time during which instant deliveries wait until the window ends, or, when
/// <see cref="Silent"/>, are sent without a notification. <see cref="Start"/> after <see cref="End"/>
/// means the window crosses midnight (23:00-08:00); equal times are refused when parsed.
/// </summary>
public sealed record QuietWindow(TimeOnly Start, TimeOnly End, bool Silent)
{
    public bool Contains(TimeOnly local) =>
        Start <= End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary>Whether <paramref name="utc"/> falls inside the window in <paramref name="zone"/>.</summary>
    public bool Contains(DateTimeOffset utc, TimeZoneInfo zone) =>
        Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime));

    /// <summary>The first instant at or after <paramref name="utc"/> that is outside the window.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && TimeOnly.FromDateTime(local.DateTime) >= Start)
        {
            // Inside the evening half of a window that crosses midnight: it ends tomorrow morning.
            endDate = endDate.AddDays(1);
        }

        var end = LocalTimes.ToUtc(endDate.ToDateTime(End), zone);
        return end > utc ? end : utc;
    }

    public string Display => string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{End:HH\\:mm}");
}
