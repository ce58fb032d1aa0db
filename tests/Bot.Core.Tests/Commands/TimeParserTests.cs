using Bot.Core.Commands;

namespace Bot.Core.Tests.Commands;

public sealed class TimeParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("+2h", "2026-11-22T02:00:00+00:00")]
    [InlineData("+30m", "2026-11-22T00:30:00+00:00")]
    [InlineData("+1d", "2026-11-23T00:00:00+00:00")]
    [InlineData("2026-12-01 08:00", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01T08:00:00+02:00", "2026-12-01T06:00:00+00:00")]
    [InlineData("2026-12-01T08:00:00Z", "2026-12-01T08:00:00+00:00")]
    public void Parse_KnownShapes_GiveTheInstant(string text, string expected)
    {
        var parsed = TimeParser.Parse(text, Now, Shanghai);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("tomorrow-ish")]
    [InlineData("+2y")]
    [InlineData("2026-13-01 08:00")]
    [InlineData("")]
    [InlineData("+999999h")]
    public void Parse_Nonsense_IsNull(string text)
    {
        Assert.Null(TimeParser.Parse(text, Now, Shanghai));
    }
}
