using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class SourcesHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Sources_ListsWhatAnAdminAdded_AsNeverPolled()
    {
        await _bot.SendAsync("/addsource https://blog.example.org/feed.xml 2h", user: ChatBotHarness.Admin());

        var listed = ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin()));

        Assert.Contains("never polled", listed);
        Assert.Equal(
            UiText.English.SourcesHeader(1) + "\n" + UiText.English.SourceLine(1, "https://blog.example.org/feed.xml", "feed", "2h", "never polled", 0),
            listed);
    }

    [Fact]
    public async Task Sources_None_SaysHowToAddOne() =>
        Assert.Equal(UiText.English.SourcesEmpty, ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin())));

    [Fact]
    public async Task NonAdmin_IsRefused()
    {
        var refusal = ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.User()));

        Assert.Equal(UiText.English.AdminOnly, refusal);
        Assert.DoesNotContain("added", ChatBotHarness.TextOf(await _bot.SendAsync("/sources", user: ChatBotHarness.Admin())));
    }
}
