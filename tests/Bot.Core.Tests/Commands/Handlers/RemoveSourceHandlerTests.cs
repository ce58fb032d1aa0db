using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class RemoveSourceHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task RemoveSource_ByAnAdmin_RemovesIt()
    {
        await _bot.SendAsync("/addsource https://blog.example.org/feed.xml 2h", user: ChatBotHarness.Admin());

        var removed = ChatBotHarness.TextOf(await _bot.SendAsync("/removesource 1", user: ChatBotHarness.Admin()));
        var empty = ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin()));

        Assert.Contains("Source 1 removed", removed);
        Assert.Contains("No sources yet", empty);
    }

    [Theory]
    [InlineData("/removesource x")]
    [InlineData("/removesource 99")]
    public async Task BadArguments_GetAClearAnswer(string command)
    {
        var text = ChatBotHarness.TextOf(await _bot.SendAsync(command, user: ChatBotHarness.Admin()));

        Assert.Matches("Usage|Not added|no source", text);
    }

    [Fact]
    public async Task NonAdmin_IsRefused()
    {
        await _bot.SendAsync("/addsource https://blog.example.org/feed.xml", user: ChatBotHarness.Admin());

        var refusal = ChatBotHarness.TextOf(await _bot.SendAsync("/removesource 1", user: ChatBotHarness.User()));

        var listed = ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin()));

        Assert.Equal(UiText.English.AdminOnly, refusal);
        Assert.DoesNotContain("added", listed);
        Assert.Contains("never polled", listed);
    }
}
