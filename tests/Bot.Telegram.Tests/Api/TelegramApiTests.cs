using Bot.Telegram.Api;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Telegram.Tests.Api;

/// <summary>The project's narrow interface over Telegram.Bot, against the loopback fake.</summary>
public sealed class TelegramApiTests : IAsyncLifetime
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
    public async Task SendMessage_GoesAsHtmlInTheLibrarysCasing_AndTheFakeAcceptsIt()
    {
        var sent = await TelegramClients.For(_fake).SendMessage(new OutgoingMessage(42, "<b>朝鲜</b> &amp; 普京"), CancellationToken.None);

        var request = _fake.Requests.Single(r => r.Method == "sendMessage");
        Assert.Equal("Html", request.Text("parse_mode"));
        Assert.Equal("朝鲜 & 普京", Assert.Single(_fake.Messages).VisibleText);
        Assert.Equal(Assert.Single(_fake.Messages).MessageId, sent.Id);
    }

    [Fact]
    public async Task SendMessage_InvalidHtml_Throws400CantParseEntities()
    {
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new OutgoingMessage(42, "<b>open"), CancellationToken.None));
        Assert.Equal(400, ex.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_Migrated_CarriesMigrateToChatId()
    {
        _fake.Script(-42, new FakeFailure.Migrated(-100_42));
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new OutgoingMessage(-42, "hi"), CancellationToken.None));
        Assert.Equal(-100_42, ex.Parameters?.MigrateToChatId);
    }

    [Fact]
    public async Task SendMessage_TooManyRequests_ThrowsAtOnceWithRetryAfter_TheLibraryDoesNotRetry()
    {
        _fake.Script(42, new FakeFailure.TooManyRequests(7));

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new OutgoingMessage(42, "hi"), CancellationToken.None));

        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(7, ex.Parameters?.RetryAfter);
        Assert.Single(_fake.Requests, r => r.Method == "sendMessage");
    }

    [Fact]
    public async Task SendMessage_ToABlockedUser_Throws403()
    {
        _fake.Script(42, new FakeFailure.Blocked());
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new OutgoingMessage(42, "hi"), CancellationToken.None));
        Assert.Equal(403, ex.ErrorCode);
        Assert.Contains("blocked by the user", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_DisablesLinkPreviews_AndCarriesTopicAndPaidBroadcast()
    {
        _fake.AddChat(-1001, "supergroup", "论坛").IsForum = true;
        await TelegramClients.For(_fake).SendMessage(new OutgoingMessage(-1001, "see https://example.com", ThreadId: 77, AllowPaidBroadcast: true), CancellationToken.None);

        var message = Assert.Single(_fake.Messages);
        Assert.True(message.LinkPreviewDisabled);
        Assert.Equal(77, message.ThreadId);
        Assert.True(message.PaidBroadcast);
    }

    [Fact]
    public async Task TransportError_MessageMentioningTheUrl_IsScrubbedOfTheToken()
    {
        var client = TelegramClients.For(_fake, handler: new UrlEchoingFailureHandler());

        var ex = await Assert.ThrowsAsync<RequestException>(() => client.GetMe(CancellationToken.None));

        Assert.DoesNotContain(_fake.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Token.Split(':')[1], ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(TokenScrubber.Mask, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiError_WhoseDescriptionEchoesTheUrl_IsScrubbedOfTheToken()
    {
        _fake.Script(42, new FakeFailure.EchoingUrl());

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() =>
            TelegramClients.For(_fake).SendMessage(new OutgoingMessage(42, "hi"), CancellationToken.None));

        Assert.Equal(500, ex.ErrorCode);
        Assert.Contains("/bot" + TokenScrubber.Mask + "/sendMessage", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallThatNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var client = TelegramClients.For(_fake, handler: new NeverAnsweringHandler(), time: time);

        var call = client.DeleteMessage(42, 1, CancellationToken.None);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(11));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("deleteMessage", ex.Message, StringComparison.Ordinal);
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
        var poll = client.GetUpdates(null, 30, [UpdateType.Message], CancellationToken.None);
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

        var updates = await client.GetUpdates(first + 1, 0, [UpdateType.Message], CancellationToken.None);

        Assert.Equal("two", Assert.Single(updates).Message?.Text);
        Assert.Equal(first + 1, _fake.ConfirmedOffset);
    }

    private sealed class UrlEchoingFailureHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Error while copying content to {request.RequestUri}", new IOException($"reset by peer at {request.RequestUri}"));
    }

    private sealed class NeverAnsweringHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
