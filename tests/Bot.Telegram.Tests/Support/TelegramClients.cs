using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Telegram.Api;
using Bot.Telegram.Delivery;
using Bot.Telegram.Rendering;
using Bot.Testing.Media;
using Microsoft.Extensions.Logging.Abstractions;
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
        RequestTimeoutSeconds = 60,
    };

    public static TelegramApi For(FakeTelegramServer fake, string? token = null, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        var options = OptionsFor(fake);
        options.Token = token ?? fake.Token;
        return new TelegramApi(handler is null ? new HttpClient() : new HttpClient(handler), Options.Create(options), time ?? TimeProvider.System);
    }

    /// <summary>A delivery channel against the fake; images are read from <paramref name="files"/> (an empty temporary folder by default).</summary>
    public static TelegramDeliveryChannel Channel(
        FakeTelegramServer fake,
        TelegramOptions? options = null,
        MediaFiles? files = null,
        IMediaCatalog? catalog = null,
        DeliveryImageMode images = DeliveryImageMode.Lead)
    {
        var api = For(fake);
        var uploads = new MediaUploads(catalog ?? new UploadsOnlyCatalog(), files ?? new MediaFiles(Path.Combine(Path.GetTempPath(), "bot-test-media-" + Guid.NewGuid().ToString("N"))), TimeProvider.System);
        return new TelegramDeliveryChannel(
            api,
            new TelegramArticleRenderer(),
            new TelegramPartSender(api, uploads),
            Options.Create(options ?? new TelegramOptions()),
            Options.Create(new DeliveryOptions { Images = images }),
            NullLogger<TelegramDeliveryChannel>.Instance);
    }
}
