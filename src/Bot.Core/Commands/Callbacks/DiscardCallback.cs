using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>"can:id": the preview's Cancel button. The draft stays a draft (it can still be scheduled by id later).</summary>
public sealed class DiscardCallback(SqliteConversationStore conversations) : ICallbackHandler
{
    public string Prefix => "can";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string argument, CancellationToken ct)
    {
        await conversations.ClearAsync(context.Callback.Chat, context.Callback.User, ct);
        return [new Reply.Text(context.Text.PostCancelled, ReplaceOriginal: true)];
    }
}
