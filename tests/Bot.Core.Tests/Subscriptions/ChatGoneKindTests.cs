using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Subscriptions;

public sealed class ChatGoneKindTests
{
    [Fact]
    public void EveryKind_HasItsOwnKey_AndReadsBackAsItself()
    {
        var kinds = Enum.GetValues<ChatGoneKind>();

        Assert.Equal(kinds.Length, kinds.Select(k => k.ToKey()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(kinds, kind => Assert.Equal(kind, ChatGoneKinds.Parse(kind.ToKey())));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("exploded")]
    [InlineData("Blocked")]
    public void Parse_UnknownOrMissing_IsOther(string? key) => Assert.Equal(ChatGoneKind.Other, ChatGoneKinds.Parse(key));
}
