using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/pause: keeps the subscription but holds deliveries.</summary>
public sealed class PauseHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public string Name => "pause";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        PauseResume.SetAsync(subscriptions, context, paused: true, context.Text.Paused, ct);
}

/// <summary>/resume: deliveries flow again.</summary>
public sealed class ResumeHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public string Name => "resume";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        PauseResume.SetAsync(subscriptions, context, paused: false, context.Text.Resumed, ct);
}

internal static class PauseResume
{
    public static async Task<IReadOnlyList<Reply>> SetAsync(ISubscriptionService subscriptions, CommandContext context, bool paused, string done, CancellationToken ct)
    {
        var target = await ChatTargeting.ResolveAsync(context, ct);
        if (target.Chat is null)
        {
            return CommandContext.Say(target.Refusal!);
        }

        return CommandContext.Say(await subscriptions.SetPausedAsync(target.Chat, paused, ct) ? done : context.Text.NotSubscribed);
    }
}
