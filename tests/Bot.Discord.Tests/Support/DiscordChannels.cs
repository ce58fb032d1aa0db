using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Discord.Delivery;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Testing.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Support;

/// <summary>Delivery channels over a rest client; images come from <paramref name="uploads"/> (none stored by default).</summary>
public static class DiscordChannels
{
    public static DiscordDeliveryChannel Create(
        IDiscordRestClient rest,
        MediaUploads? uploads = null,
        ILogger<DiscordDeliveryChannel>? logger = null,
        DeliveryImageMode images = DeliveryImageMode.Lead,
        long? maxAttachmentBytes = null)
    {
        var options = TestOptions.Discord();
        if (maxAttachmentBytes is { } limit)
        {
            options.Value.MaxAttachmentBytes = limit;
        }

        return new DiscordDeliveryChannel(
            rest,
            new ArticleRenderer(options),
            uploads ?? new MediaUploads(new UploadsOnlyCatalog(), new MediaFiles(Path.Combine(Path.GetTempPath(), "bot-test-media-" + Guid.NewGuid().ToString("N"))), TimeProvider.System),
            options,
            Options.Create(new DeliveryOptions { Images = images }),
            logger ?? NullLogger<DiscordDeliveryChannel>.Instance);
    }
}
