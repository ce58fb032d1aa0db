using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Commands;

/// <summary>Reads an admin's time: "2026-12-01 08:00" (in the bot's zone), ISO 8601 with offset, or "+2h" / "+30m" / "+1d".</summary>
public static partial class TimeParser
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd"];

    public static DateTimeOffset? Parse(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        text = text.Trim();
        var relative = RelativePattern().Match(text);
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            return relative.Groups[2].Value.ToLowerInvariant() switch
            {
                "m" or "min" => now.AddMinutes(amount),
                "h" => now.AddHours(amount),
                _ => now.AddDays(amount),
            };
        }

        if (text.Length > 10 && (text.EndsWith('Z') || OffsetPattern().IsMatch(text))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }

        return null;
    }

    [GeneratedRegex(@"^\+(\d{1,5})\s*(m|min|h|d)$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetPattern();
}
