using System.Globalization;
using Bot.Core.Publishing;

namespace Bot.Core.Commands.Callbacks;

/// <summary>"pub:id": the preview's Publish now button (admins).</summary>
public sealed class PublishCallback(IPublishingService publishing) : ICallbackHandler
{
    public string Prefix => "pub";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string argument, CancellationToken ct)
    {
        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return [new Reply.Text(context.Text.ButtonExpired, Ephemeral: true)];
        }

        var outcome = await publishing.PublishNowAsync(id, ct);
        var text = outcome.Status switch
        {
            PublishStatus.Published => context.Text.Published(id, outcome.Deliveries),
            PublishStatus.NotFound => context.Text.ArticleNotFound(id),
            PublishStatus.AlreadyRetracted => context.Text.AlreadyRetracted(id),
            _ => context.Text.AlreadyPublished(id),
        };
        return [new Reply.Text(text, ReplaceOriginal: true)];
    }
}
