namespace Bot.Core.Tests.Commands.Handlers;

public sealed class SourceCommandsTests : IAsyncLifetime
{
    private ChatBotHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AddSource_ListAndRemove_ByAnAdmin()
    {
        var added = ChatBotHarness.TextOf(await _harness.SendAsync("/addsource https://blog.example.org/feed.xml 2h", user: ChatBotHarness.Admin()));
        var listed = ChatBotHarness.TextOf(await _harness.SendAsync("/sources", user: ChatBotHarness.Admin()));
        var removed = ChatBotHarness.TextOf(await _harness.SendAsync("/removesource 1", user: ChatBotHarness.Admin()));
        var empty = ChatBotHarness.TextOf(await _harness.SendAsync("/sources", user: ChatBotHarness.Admin()));

        Assert.Contains("Source 1 added", added);
        Assert.Contains("every 2h", added);
        Assert.Contains("never polled", listed);
        Assert.Contains("Source 1 removed", removed);
        Assert.Contains("No sources yet", empty);
    }

    [Theory]
    [InlineData("/addsource")]
    [InlineData("/addsource /etc")]
    [InlineData("/addsource https://blog.example.org/feed.xml sometimes")]
    [InlineData("/removesource x")]
    [InlineData("/removesource 99")]
    public async Task BadArguments_GetAClearAnswer(string command)
    {
        var text = ChatBotHarness.TextOf(await _harness.SendAsync(command, user: ChatBotHarness.Admin()));

        Assert.Matches("Usage|Not added|no source", text);
    }

    [Theory]
    [InlineData("/sources")]
    [InlineData("/addsource https://blog.example.org/feed.xml")]
    [InlineData("/removesource 1")]
    public async Task NonAdmin_IsRefused(string command)
    {
        await _harness.SendAsync(command, user: ChatBotHarness.User());

        Assert.DoesNotContain("added", ChatBotHarness.TextOf(await _harness.SendAsync("/sources", user: ChatBotHarness.Admin())));
    }

    [Fact]
    public async Task PostWithLoopbackUrl_IsRefusedNamingTheReason()
    {
        var text = ChatBotHarness.TextOf(await _harness.SendAsync("/post http://127.0.0.1:9/page.html", user: ChatBotHarness.Admin()));

        Assert.Contains("loopback", text);
    }
}
