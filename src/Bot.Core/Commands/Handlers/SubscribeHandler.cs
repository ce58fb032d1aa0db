using Bot.Core.Rendering;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/subscribe [@channel] [tags… author:x keyword:y]: this chat, or a channel the user administers.</summary>
public sealed class SubscribeHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public string Name => "subscribe";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var target = await ChatTargeting.ResolveAsync(context, ct);
        if (target.Chat is null)
        {
            return CommandContext.Say(target.Refusal!);
        }

        var outcome = await subscriptions.SubscribeAsync(target.Chat, FilterParser.Parse(target.RemainingArguments), ct);
        var filter = ReplyFormat.Filter(outcome.Subscription.Filter, context.Text);
        if (target.IsOtherChat)
        {
            return CommandContext.Say(context.Text.SubscribedOther(MarkdownText.Escape(target.Chat.Title ?? target.Chat.ChatId), filter));
        }

        return CommandContext.Say(outcome.Status switch
        {
            SubscribeStatus.Created => context.Text.Subscribed(filter),
            SubscribeStatus.Updated => context.Text.SubscriptionUpdated(filter),
            _ => context.Text.AlreadySubscribed(filter),
        });
    }
}
