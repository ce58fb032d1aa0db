using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/subscriptions: what this chat receives, paused or stopped.</summary>
public sealed class SubscriptionsHandler(ISubscriptionService subscriptions, ChatTimeZones zones) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new("subscriptions", "What this chat receives", "查看本聊天的订阅", []);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(context.Message.Chat, ct);
        if (subscription is null)
        {
            return CommandContext.Say(context.Text.NotSubscribed);
        }

        if (!subscription.Active)
        {
            return CommandContext.Say(context.Text.SubscriptionDeactivated(subscription.DeactivatedKind, subscription.DeactivatedReason));
        }

        var terms = subscription.Preferences;
        var line = context.Text.Terms(
            terms.Digest?.Display, terms.Quiet?.Display, terms.Quiet?.Silent == true, terms.TimeZone ?? zones.Default.Id);
        return CommandContext.Say(context.Text.SubscriptionStatus(subscription.Filter, subscription.Paused) + "\n" + line);
    }
}
