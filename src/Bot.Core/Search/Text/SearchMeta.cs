using System.Globalization;
using System.Text;

namespace Bot.Core.Search.Text;

/// <summary>
/// The tokens of the index's meta column: an article's tags, its publication day, month and year, and whether it
/// is hidden, so that tag: since: until: and visibility are intersected inside FTS5 with the terms, instead of a
/// lookup per hit. Every token
/// is ASCII letters and digits, one unicode61 token that no search term can produce (terms never name the column).
/// </summary>
public static class SearchMeta
{
    public const string Column = "meta";

    /// <summary>On articles readers may not see: excluded inside FTS5, where a lookup per hit cost as much as the search.</summary>
    public const string Hidden = "hidden";

    public static string Tokens(IEnumerable<string> tagKeys, long? publishedUtc, bool hidden)
    {
        var tokens = tagKeys.Select(TagToken).ToList();
        if (hidden)
        {
            tokens.Add(Hidden);
        }

        if (publishedUtc is { } seconds)
        {
            var day = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.Date;
            tokens.Add(YearToken(day));
            tokens.Add(MonthToken(day));
            tokens.Add(DayToken(day));
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The case-folded tag (ArticleWriter.TagKey), with Traditional characters folded to Simplified (tag:新冠肺炎
    /// finds an article tagged in either form), in hexadecimal UTF-8: exact, whatever characters it holds.
    /// </summary>
    public static string TagToken(string tagKey) => "t" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(ChineseFolding.Fold(tagKey)));

    /// <summary>
    /// The fewest year, month and day tokens that cover the UTC days from <paramref name="fromUtc"/> to
    /// <paramref name="untilUtc"/> (exclusive), both midnights: 2019-11-30 to 2021-02-01 is d20191130, m201912, y2020, m202101.
    /// </summary>
    public static IReadOnlyList<string> DateTokens(DateTime fromUtc, DateTime untilUtc) =>
        DatePeriods(fromUtc, untilUtc).Select(p => p.Token).ToList();

    /// <summary><see cref="DateTokens"/> with the days each token covers, in order.</summary>
    public static IReadOnlyList<DatePeriod> DatePeriods(DateTime fromUtc, DateTime untilUtc)
    {
        var periods = new List<DatePeriod>();
        for (var day = fromUtc.Date; day < untilUtc;)
        {
            var (token, next) = day is { Month: 1, Day: 1 } && day.AddYears(1) <= untilUtc ? (YearToken(day), day.AddYears(1))
                : day.Day == 1 && day.AddMonths(1) <= untilUtc ? (MonthToken(day), day.AddMonths(1))
                : (DayToken(day), day.AddDays(1));
            periods.Add(new DatePeriod(token, day, next));
            day = next;
        }

        return periods;
    }

    private static string YearToken(DateTime day) => "y" + day.ToString("yyyy", CultureInfo.InvariantCulture);

    private static string MonthToken(DateTime day) => "m" + day.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string DayToken(DateTime day) => "d" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>A meta date token and the UTC days it covers, <see cref="End"/> excluded.</summary>
public sealed record DatePeriod(string Token, DateTime Start, DateTime End);
