using Bot.Core.Commands;

namespace Bot.Core.Tests.Commands;

public sealed class FilterParserTests
{
    [Fact]
    public void Parse_MixedWords_SplitsTagsAuthorsKeywords()
    {
        var filter = FilterParser.Parse("朝鲜 #俄罗斯，普京 author:倪刃 keyword:核武 朝鲜");

        Assert.Equal(["朝鲜", "俄罗斯", "普京"], filter.Tags);
        Assert.Equal(["倪刃"], filter.Authors);
        Assert.Equal(["核武"], filter.Keywords);
    }

    [Fact]
    public void Parse_Nothing_IsEverything()
    {
        Assert.True(FilterParser.Parse("   ").IsEverything);
    }

    [Theory]
    [InlineData("all")]
    [InlineData(" 全部 ")]
    public void IsAll_Words_Recognised(string text)
    {
        Assert.True(FilterParser.IsAll(text));
    }
}
