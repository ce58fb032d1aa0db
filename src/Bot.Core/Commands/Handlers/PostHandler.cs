using Bot.Core.Chat;
using Bot.Core.Commands.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Handlers;

/// <summary>
/// /post (admins): with a file, a form's fields or text after the command it drafts at once; where the
/// platform has forms it asks for one; otherwise it waits for the next file or text.
/// </summary>
public sealed class PostHandler(PostIntake intake, SqliteConversationStore conversations) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "post", "Post a new article (admins)", "发布新文章（管理员）",
        [new(OptionNames.File, CommandOptionType.Attachment, false, "A .md or .txt file", ".md 或 .txt 文件")],
        AdminOnly: true,
        ContinuesConversation: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var message = context.Message;
        if (message.File is not null)
        {
            return await intake.FromFileAsync(message, context.Text, ct);
        }

        if (context.Option(OptionNames.Body) is { } body)
        {
            return await intake.FromFormAsync(message, context.Option(OptionNames.Title) ?? string.Empty, body, context.Text, ct);
        }

        if (message.CanOpenForm)
        {
            return [Form(context)];
        }

        if (message.Options is null && context.Arguments.Length > 0)
        {
            return await intake.FromTextAsync(message, context.Arguments, context.Text, ct);
        }

        await conversations.SetAsync(message.Chat, message.User, new Conversation(ConversationState.AwaitingPost, null), ct);
        return CommandContext.Say(context.Text.PostPrompt);
    }

    private Reply.Form Form(CommandContext context) => new(
        FormPayload.Create(Descriptor.Name),
        context.Text.PostFormTitle,
        [
            new FormField(OptionNames.Title, context.Text.PostFormTitleField, Multiline: false, MaxLength: 256),
            new FormField(OptionNames.Body, context.Text.PostFormBodyField, Multiline: true, MaxLength: 4000),
        ],
        context.Text.PostFormUnavailable);
}
