using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

public sealed class FrontMatterDateTests
{
    [Theory]
    [InlineData("2018-01-16 14:10:51 +0800", "2018-01-16T14:10:51+08:00")]
    [InlineData("2018-01-15 18:49 +0800", "2018-01-15T18:49:00+08:00")]
    [InlineData("2018-04-23 13:00", "2018-04-23T13:00:00+08:00")]
    [InlineData("2020-02-16", "2020-02-16T00:00:00+08:00")]
    [InlineData("2019-2-06", "2019-02-06T00:00:00+08:00")]
    [InlineData("2018-02-24  +0800", "2018-02-24T00:00:00+08:00")]
    [InlineData("2020-02-16 18:00:00", "2020-02-16T18:00:00+08:00")]
    [InlineData("2024-06-26T13:51:49+00:00", "2024-06-26T13:51:49+00:00")]
    [InlineData("2024-06-26T13:51:49Z", "2024-06-26T13:51:49+00:00")]
    [InlineData("2024-06-26T05:00:00-05:30", "2024-06-26T05:00:00-05:30")]
    public void Parse_ArchiveShapes_GiveTheWrittenTimeAndOffset(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FrontMatterDate.Parse(text));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, FrontMatterDate.Parse(text)!.Value.Offset);
    }

    [Fact]
    public void Parse_Microseconds_AreKept()
    {
        var date = FrontMatterDate.Parse("2024-06-26T13:51:49.077610+00:00");

        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero).AddTicks(776100), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("2019-01-01 25:00")]
    [InlineData("2019-01-01 +1900")]
    [InlineData("２０１９-01-01")]
    public void Parse_NotADate_GivesNull(string text)
    {
        Assert.Null(FrontMatterDate.Parse(text));
    }
}
