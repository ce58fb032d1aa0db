using Bot.Core.Commands;
using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Commands;

/// <summary>What /digest and /subscribe … digest: read as a digest time; the commands are tested in Handlers/.</summary>
public sealed class DeliveryTermsParserTests
{
    [Theory]
    [InlineData("08:00", DeliveryMode.Daily, "08:00")]
    [InlineData("daily 7:30", DeliveryMode.Daily, "07:30")]
    [InlineData("weekly mon 08:00", DeliveryMode.Weekly, "mon 08:00")]
    [InlineData("Friday 18:00", DeliveryMode.Weekly, "fri 18:00")]
    public void DigestTimes_AreRead(string typed, DeliveryMode mode, string display)
    {
        Assert.True(DeliveryTermsParser.TryParseDigest(typed, out var schedule));
        Assert.Equal(mode, schedule!.Mode);
        Assert.Equal(display, schedule.Display);
    }
}
