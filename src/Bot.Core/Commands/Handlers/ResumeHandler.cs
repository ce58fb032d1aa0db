using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/resume: deliveries flow again.</summary>
public sealed class ResumeHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "resume", "Resume deliveries to this chat", "恢复推送", [],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        CommandContext.Say(await subscriptions.SetPausedAsync(context.Target.Chat, paused: false, ct) ? context.Text.Resumed : context.Text.NotSubscribed);
}
