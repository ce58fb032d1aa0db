using System.Globalization;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands;

/// <summary>
/// Reads what readers type for their delivery terms: "08:00", "daily 8:00", "weekly mon 08:00", "off";
/// "23:00-08:00", "23:00-08:00 silent", "off". Anything else is refused (the handler answers with an example).
/// </summary>
public static class DeliveryTermsParser
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H\\:mm", "HHmm"];

    /// <summary>True when understood; <paramref name="schedule"/> is null for "off".</summary>
    public static bool TryParseDigest(string text, out DigestSchedule? schedule)
    {
        schedule = null;
        var words = Words(text);
        if (words is ["off"] or ["instant"])
        {
            return true;
        }

        if (words is [var day, var weeklyTime] && TryParseDay(day, out var dayOfWeek) && TryParseTime(weeklyTime, out var at1))
        {
            schedule = DigestSchedule.Weekly(dayOfWeek, at1);
        }
        else if (words is ["weekly", var weekDay, var time] && TryParseDay(weekDay, out var d) && TryParseTime(time, out var at2))
        {
            schedule = DigestSchedule.Weekly(d, at2);
        }
        else if (words is ["daily", var dailyTime] && TryParseTime(dailyTime, out var at3))
        {
            schedule = DigestSchedule.Daily(at3);
        }
        else if (words is [var onlyTime] && TryParseTime(onlyTime, out var at4))
        {
            schedule = DigestSchedule.Daily(at4);
        }

        return schedule is not null;
    }

    /// <summary>True when understood; <paramref name="window"/> is null for "off". Start and end must differ.</summary>
    public static bool TryParseQuiet(string text, out QuietWindow? window)
    {
        window = null;
        var words = Words(text.Replace('–', '-').Replace('—', '-').Replace('~', '-'));
        if (words is ["off"])
        {
            return true;
        }

        if (words.Length is < 1 or > 2 || (words.Length == 2 && words[1] is not ("silent" or "wait")))
        {
            return false;
        }

        var range = words[0].Split('-');
        if (range.Length != 2 || !TryParseTime(range[0], out var start) || !TryParseTime(range[1], out var end) || start == end)
        {
            return false;
        }

        window = new QuietWindow(start, end, words.Length == 2 && words[1] == "silent");
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        return text.Length is >= 3 and <= 5
            && TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            && time.Second == 0;
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString().ToLowerInvariant();
            if (text.Length >= 3 && name.StartsWith(text, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
