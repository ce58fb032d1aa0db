using Bot.Core.Commands;

namespace Bot.Core.Tests.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("/search 朝鲜 普京", "search", "朝鲜 普京")]
    [InlineData("/SEARCH  朝鲜 ", "search", "朝鲜")]
    [InlineData("/help@ArchiveBot", "help", "")]
    [InlineData("/help@archivebot extra", "help", "extra")]
    [InlineData("/start a42", "start", "a42")]
    public void Parse_Command_ReadsNameAndArguments(string text, string name, string arguments)
    {
        var command = CommandLine.Parse(text, "ArchiveBot");

        Assert.Equal(new CommandLine(name, arguments), command);
    }

    [Theory]
    [InlineData("/help@OtherBot")]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/@ArchiveBot")]
    [InlineData("/搜索 朝鲜")]
    [InlineData("")]
    public void Parse_NotOurCommand_IsNull(string text)
    {
        Assert.Null(CommandLine.Parse(text, "ArchiveBot"));
    }

    [Fact]
    public void Parse_AddressedWithoutKnowingOwnName_IsNull()
    {
        Assert.Null(CommandLine.Parse("/help@ArchiveBot", botUsername: null));
    }

    [Fact]
    public void Parse_HugeName_IsNull()
    {
        Assert.Null(CommandLine.Parse("/" + new string('a', 33), null));
    }
}
