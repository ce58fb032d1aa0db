using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Parsing;

/// <summary>
/// Reads the date shapes found in archives: ISO 8601 with offset and fractions, "2018-04-14 18:49",
/// "2018-01-16 14:10:51 +0800", "2018-02-24  +0800", a date alone, single-digit months.
/// A date without an offset is taken as China time (+08:00): the archive is Chinese.
/// </summary>
internal static partial class FrontMatterDate
{
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = DatePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var offset = ParseOffset(match.Groups["offset"].Value);
        if (offset is null)
        {
            return null;
        }

        try
        {
            var fraction = match.Groups["fraction"].Value;
            var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            var local = new DateTime(
                Int(match, "year"),
                Int(match, "month"),
                Int(match, "day"),
                Int(match, "hour"),
                Int(match, "minute"),
                Int(match, "second"),
                DateTimeKind.Unspecified).AddTicks(ticks);
            return new DateTimeOffset(local, offset.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            // 2019-02-30 and friends: keep the text in Extra instead.
            return null;
        }
    }

    private static int Int(Match match, string group) =>
        match.Groups[group].Success && match.Groups[group].Length > 0 ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private static TimeSpan? ParseOffset(string text)
    {
        if (text.Length == 0)
        {
            return DefaultOffset;
        }

        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -span : span;
    }

    [GeneratedRegex("""
        ^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})
        (?:[T\ ]+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,](?<fraction>[0-9]+))?)?)?
        \ *(?<offset>Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)?$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();
}
