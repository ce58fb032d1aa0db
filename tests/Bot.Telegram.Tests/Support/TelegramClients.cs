using Bot.Telegram.Api;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Tests.Support;

public static class TelegramClients
{
    public static TelegramOptions OptionsFor(FakeTelegramServer fake) => new()
    {
        Token = fake.Token,
        ApiBaseUrl = fake.BaseUrl,
        PollTimeoutSeconds = 1,
        RequestTimeoutSeconds = 10,
    };

    public static TelegramApi For(FakeTelegramServer fake, string? token = null, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        var options = OptionsFor(fake);
        options.Token = token ?? fake.Token;
        return new TelegramApi(handler is null ? new HttpClient() : new HttpClient(handler), Options.Create(options), time ?? TimeProvider.System);
    }
}
