using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search;

public sealed class SearchMetaTests
{
    [Fact]
    public void DateTokens_UseTheFewestYearsMonthsAndDays()
    {
        var tokens = SearchMeta.DateTokens(new DateTime(2019, 11, 30), new DateTime(2021, 2, 3));

        Assert.Equal(["d20191130", "m201912", "y2020", "m202101", "d20210201", "d20210202"], tokens);
    }

    [Fact]
    public void DateTokens_EmptyOrReversedRange_IsEmpty()
    {
        Assert.Empty(SearchMeta.DateTokens(new DateTime(2020, 1, 1), new DateTime(2020, 1, 1)));
        Assert.Empty(SearchMeta.DateTokens(new DateTime(2021, 1, 1), new DateTime(2020, 1, 1)));
    }

    [Fact]
    public void DateTokens_CoverEveryDayOfTheRangeExactlyOnce()
    {
        var (from, until) = (new DateTime(2016, 2, 27), new DateTime(2024, 3, 2));
        var covered = new List<DateTime>();
        foreach (var token in SearchMeta.DateTokens(from, until))
        {
            var start = DateTime.ParseExact(token[1..] + "0101"[(token.Length - 5)..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var end = token[0] switch { 'y' => start.AddYears(1), 'm' => start.AddMonths(1), _ => start.AddDays(1) };
            for (var day = start; day < end; day = day.AddDays(1))
            {
                covered.Add(day);
            }
        }

        Assert.Equal(Enumerable.Range(0, (until - from).Days).Select(d => from.AddDays(d)), covered);
    }

    [Fact]
    public void Tokens_HoldTagsAndTheUtcDay()
    {
        var published = new DateTimeOffset(2024, 7, 1, 1, 30, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds(); // June 30 in UTC

        Assert.Equal("t6e6b y2024 m202406 d20240630", SearchMeta.Tokens(["nk"], published, hidden: false));
        Assert.Equal("hidden", SearchMeta.Tokens([], null, hidden: true));
        Assert.Equal(SearchMeta.TagToken("朝鲜 新闻"), "t" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes("朝鲜 新闻")));
    }
}
