using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Parsing;

namespace Bot.Core.Sources.Feeds;

/// <summary>
/// Dates as feeds write them: RFC 822 with its real-world variants (full day and month names, no day
/// name, two-digit years, no seconds, "+08:00", named zones, trailing junk) and ISO 8601 / RFC 3339.
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (FrontMatterDate.Parse(text) is { } iso)
        {
            return iso;
        }

        var match = Rfc822().Match(text);
        return match.Success ? FromRfc822(match) : null;
    }

    private static DateTimeOffset? FromRfc822(Match match)
    {
        var monthName = match.Groups["month"].Value.ToLowerInvariant();
        var month = Array.FindIndex(Months, m => monthName.StartsWith(m, StringComparison.Ordinal)) + 1;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = match.Groups["year"].Length == 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
        var offset = Zone(match.Groups["zone"].Value);
        if (month == 0 || offset is null)
        {
            return null;
        }

        try
        {
            var local = new DateTime(year, month, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture),
                match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0,
                DateTimeKind.Unspecified);
            return new DateTimeOffset(local, offset.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero; // RFC 822 requires a zone; feeds that leave it out mostly mean UTC
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length is not (2 or 4))
            {
                return null;
            }

            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return null;
            }

            var span = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -span : span;
        }

        return zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            // RFC 822 says US Central, but the feeds that write "CST" for this archive's publishers are
            // Chinese sites whose software prints China Standard Time that way.
            "CST" => TimeSpan.FromHours(8),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "JST" => TimeSpan.FromHours(9),
            "HKT" => TimeSpan.FromHours(8),
            "BST" => TimeSpan.FromHours(1),
            "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            _ => TimeSpan.Zero, // an unknown zone name still leaves a usable date, off by hours at most
        };
    }

    [GeneratedRegex("""
        ^(?:[A-Za-z]+\.?,?\s*)?
        (?<day>\d{1,2})[\s-]+(?<month>[A-Za-z]{3,9})\.?[\s-]+(?<year>\d{4}|\d{2})
        (?:,?\s+|T)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?
        \s*(?<zone>[+-]\d{2}:?\d{2}|[+-]\d{2}\b|[A-Za-z]{1,5})?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Rfc822();
}
