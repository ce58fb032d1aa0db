using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Publishing;

namespace Bot.Core.Commands.Callbacks;

/// <summary>The preview's Publish now button (admins).</summary>
public sealed class PublishCallback(IPublishingService publishing) : CallbackHandler<PublishPayload>
{
    public override bool AdminOnly => true;

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, PublishPayload payload, CancellationToken ct)
    {
        var id = payload.ArticleId;
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
