using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>The preview's Cancel button (admins). The draft stays a draft (it can still be scheduled by id later).</summary>
public sealed class DiscardCallback(SqliteConversationStore conversations) : CallbackHandler<DiscardPayload>
{
    public override bool AdminOnly => true;

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, DiscardPayload payload, CancellationToken ct)
    {
        await conversations.ClearAsync(context.Callback.Chat, context.Callback.User, ct);
        return [new Reply.Text(context.Text.PostCancelled, ReplaceOriginal: true)];
    }
}
