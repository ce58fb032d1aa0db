using Bot.Core.Chat;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Handlers;

/// <summary>/cancel: forget what the bot was waiting for (a post, a time).</summary>
public sealed class CancelHandler(SqliteConversationStore conversations) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "cancel", "Stop what the bot is waiting for (a post)", "取消当前操作（如发布）", [],
        Platforms: [Platform.Telegram, Platform.Console],
        ContinuesConversation: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        CommandContext.Say(await conversations.ClearAsync(context.Message.Chat, context.Message.User, ct)
            ? context.Text.PostCancelled
            : context.Text.PostNothingToCancel);
}
