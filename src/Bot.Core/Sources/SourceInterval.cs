using System.Globalization;

namespace Bot.Core.Sources;

/// <summary>"30m", "2h", "1d", "90s" or a bare number of minutes.</summary>
public static class SourceInterval
{
    public static TimeSpan? Parse(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var unit = char.IsAsciiLetter(value[^1]) ? value[^1] : 'm';
        var number = char.IsAsciiLetter(value[^1]) ? value[..^1].Trim() : value;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1_000_000)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    public static string Format(TimeSpan every) => every switch
    {
        { TotalDays: >= 1 } when every.TotalDays == Math.Floor(every.TotalDays) => $"{every.TotalDays:0}d",
        { TotalHours: >= 1 } when every.TotalHours == Math.Floor(every.TotalHours) => $"{every.TotalHours:0}h",
        { TotalMinutes: >= 1 } when every.TotalMinutes == Math.Floor(every.TotalMinutes) => $"{every.TotalMinutes:0}m",
        _ => $"{every.TotalSeconds:0}s",
    };
}
