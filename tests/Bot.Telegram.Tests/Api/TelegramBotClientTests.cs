using Bot.Telegram.Api;
using Bot.Telegram.Api.Types;
using Bot.Telegram.Tests.Support;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Tests.Api;

public sealed class TelegramBotClientTests : IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task GetMe_ReturnsTheBot()
    {
        var me = await TelegramClients.For(_fake).GetMe(CancellationToken.None);
        Assert.Equal(_fake.Options.BotUsername, me.Username);
        Assert.True(me.IsBot);
    }

    [Fact]
    public async Task AnyCall_WithWrongToken_Throws401WithoutTheToken()
    {
        var client = TelegramClients.For(_fake, token: "999:wrong-secret-token");
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => client.GetMe(CancellationToken.None));
        Assert.Equal(401, ex.ErrorCode);
        Assert.DoesNotContain("wrong-secret-token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_InvalidHtml_Throws400CantParseEntities()
    {
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new SendMessageRequest(42, "<b>open"), CancellationToken.None));
        Assert.Equal(400, ex.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", ex.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_Migrated_CarriesMigrateToChatId()
    {
        _fake.Script(-42, new FakeFailure.Migrated(-100_42));
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new SendMessageRequest(-42, "hi"), CancellationToken.None));
        Assert.Equal(-100_42, ex.Parameters?.MigrateToChatId);
    }

    [Fact]
    public async Task SendMessage_DefaultRequest_DisablesLinkPreviews()
    {
        await TelegramClients.For(_fake).SendMessage(new SendMessageRequest(42, "see https://example.com"), CancellationToken.None);
        Assert.True(Assert.Single(_fake.Messages).LinkPreviewDisabled);
    }

    [Fact]
    public async Task TransportError_MessageMentioningTheUrl_IsScrubbedOfTheToken()
    {
        var options = TelegramClients.OptionsFor(_fake);
        var client = new TelegramBotClient(new HttpClient(new UrlEchoingFailureHandler()), Options.Create(options));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetMe(CancellationToken.None));

        Assert.DoesNotContain(_fake.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(TokenScrubber.Mask, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadFile_AfterGetFile_ReturnsTheBytes()
    {
        var id = _fake.AddFile("a.md", "# 朝鲜"u8.ToArray());
        var client = TelegramClients.For(_fake);
        var file = await client.GetFile(id, CancellationToken.None);
        await using var stream = await client.DownloadFile(file.FilePath!, CancellationToken.None);
        using var reader = new StreamReader(stream);
        Assert.Equal("# 朝鲜", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task GetUpdates_LongPoll_ReturnsAnUpdatePushedWhileWaiting()
    {
        var client = TelegramClients.For(_fake);
        var poll = client.GetUpdates(null, 30, null, CancellationToken.None);
        await _fake.WaitUntilAsync(f => f.Requests.Any(r => r.Method == "getUpdates"));
        _fake.PushMessage(42, 42, "/help");

        var updates = await poll;

        Assert.Equal("/help", Assert.Single(updates).Message?.Text);
    }

    [Fact]
    public async Task GetUpdates_WithOffset_ConfirmsEarlierUpdates()
    {
        var first = _fake.PushMessage(42, 42, "one");
        _fake.PushMessage(42, 42, "two");
        var client = TelegramClients.For(_fake);

        var updates = await client.GetUpdates(first + 1, 0, null, CancellationToken.None);

        Assert.Equal("two", Assert.Single(updates).Message?.Text);
        Assert.Equal(first + 1, _fake.ConfirmedOffset);
    }

    private sealed class UrlEchoingFailureHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Error while copying content to {request.RequestUri}", new IOException($"reset by peer at {request.RequestUri}"));
    }
}
