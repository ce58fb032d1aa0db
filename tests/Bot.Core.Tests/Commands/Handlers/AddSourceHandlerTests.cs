using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class AddSourceHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AddSource_ByAnAdmin_AddsTheFeedWithItsInterval()
    {
        var added = ChatBotHarness.TextOf(await _bot.SendAsync("/addsource https://blog.example.org/feed.xml 2h", user: ChatBotHarness.Admin()));

        Assert.Contains("Source 1 added", added);
        Assert.Contains("every 2h", added);
    }

    [Theory]
    [InlineData("/addsource")]
    [InlineData("/addsource /etc")]
    [InlineData("/addsource https://blog.example.org/feed.xml sometimes")]
    public async Task BadArguments_GetAClearAnswer(string command)
    {
        var text = ChatBotHarness.TextOf(await _bot.SendAsync(command, user: ChatBotHarness.Admin()));

        Assert.Matches("Usage|Not added|no source", text);
    }

    [Fact]
    public async Task NonAdmin_IsRefused()
    {
        var refusal = ChatBotHarness.TextOf(await _bot.SendAsync("/addsource https://blog.example.org/feed.xml", user: ChatBotHarness.User()));

        var listed = ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin()));

        Assert.Equal(UiText.English.AdminOnly, refusal);
        Assert.DoesNotContain("added", listed);
        Assert.Equal(UiText.English.SourcesEmpty, listed);
    }
}
