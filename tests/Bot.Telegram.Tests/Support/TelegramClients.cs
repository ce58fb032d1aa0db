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

    public static TelegramBotClient For(FakeTelegramServer fake, string? token = null)
    {
        var options = OptionsFor(fake);
        options.Token = token ?? fake.Token;
        return new TelegramBotClient(new HttpClient(), Options.Create(options));
    }
}
