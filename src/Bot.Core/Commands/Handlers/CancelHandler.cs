using Bot.Core.Storage;

namespace Bot.Core.Commands.Handlers;

/// <summary>/cancel: forget what the bot was waiting for (a post, a time).</summary>
public sealed class CancelHandler(SqliteConversationStore conversations) : ICommandHandler
{
    public string Name => "cancel";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        CommandContext.Say(await conversations.ClearAsync(context.Message.Chat, context.Message.User, ct)
            ? context.Text.PostCancelled
            : context.Text.PostNothingToCancel);
}
