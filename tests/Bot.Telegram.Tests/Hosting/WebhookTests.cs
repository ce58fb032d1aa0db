using System.Net;
using System.Text;
using Bot.Core;
using Bot.Telegram.Hosting;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Telegram.Tests.Hosting;

/// <summary>Webhook mode on a real Kestrel server: Telegram's calls must carry the secret.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_Token-1";
    private FakeTelegramServer _fake = null!;
    private TempDatabase _database = null!;
    private WebApplication _app = null!;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _database = await TempDatabase.CreateAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = TelegramBotHarness.Settings(_fake, _database);
        settings["Telegram:WebhookUrl"] = "https://bot.example.com/telegram/webhook";
        settings["Telegram:WebhookSecret"] = Secret;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddTelegram(builder.Configuration);
        _app = builder.Build();
        _app.MapTelegram();
        await _app.StartAsync();
        _baseUrl = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static StringContent Update(long updateId, string text) => new(
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":5,"date":1,"chat":{"id":2001,"type":"private"},"from":{"id":2001,"is_bot":false,"first_name":"T","language_code":"en"},"text":"{{{text}}}"}}""",
        Encoding.UTF8,
        "application/json");

    private async Task<HttpStatusCode> PostAsync(string? secret, StringContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = body };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        using var http = new HttpClient { BaseAddress = _baseUrl };
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Start_SetsTheWebhookWithItsSecret_AndDoesNotPoll()
    {
        await _fake.WaitUntilAsync(f => f.WebhookUrl is not null, what: "setWebhook");
        Assert.Equal("https://bot.example.com/telegram/webhook", _fake.WebhookUrl);
        Assert.Equal(Secret, _fake.WebhookSecret);
        Assert.DoesNotContain(_fake.Requests, r => r.Method == "getUpdates");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(Secret + "x")]
    public async Task Post_WithoutTheRightSecret_Is401AndNothingIsHandled(string? secret)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(secret, Update(1, "/help")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Secret, Update(2, "/tags")));
        await _fake.WaitForMessagesAsync(m => m.ChatId == 2001);
        Assert.Single(_fake.Messages, m => m.ChatId == 2001);
    }

    [Fact]
    public async Task Post_WithTheSecret_IsHandledOnce_EvenWhenTelegramRetries()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Secret, Update(7, "/help")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Secret, Update(7, "/help")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Secret, Update(8, "/tags")));

        await _fake.WaitForMessagesAsync(m => m.ChatId == 2001, count: 2);
        Assert.Single(_fake.Messages, m => m.VisibleText.Contains("/subscribe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_NotAnUpdate_Is400()
    {
        using var body = new StringContent("{not json", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Secret, body));
    }
}
