using Bot.Core.Commands.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Handlers;

/// <summary>/post (admins): with a file or a form it drafts at once; otherwise it waits for the next file or text.</summary>
public sealed class PostHandler(PostIntake intake, SqliteConversationStore conversations) : ICommandHandler
{
    public string Name => "post";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var message = context.Message;
        if (message.File is not null)
        {
            return await intake.FromFileAsync(message, context.Text, ct);
        }

        if (context.Option("body") is { } body)
        {
            return await intake.FromFormAsync(message, context.Option("title") ?? string.Empty, body, context.Text, ct);
        }

        if (message.Options is null && context.Arguments.Length > 0)
        {
            return await intake.FromTextAsync(message, context.Arguments, context.Text, ct);
        }

        await conversations.SetAsync(message.Chat, message.User, new Conversation(ConversationState.AwaitingPost, null), ct);
        return CommandContext.Say(context.Text.PostPrompt);
    }
}
