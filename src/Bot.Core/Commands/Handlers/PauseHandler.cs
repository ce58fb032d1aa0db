using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/pause: keeps the subscription but holds deliveries.</summary>
public sealed class PauseHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "pause", "Pause deliveries to this chat", "暂停推送", [],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        CommandContext.Say(await subscriptions.SetPausedAsync(context.Target.Chat, paused: true, ct) ? context.Text.Paused : context.Text.NotSubscribed);
}
