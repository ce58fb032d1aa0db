using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/unsubscribe [@channel] [tags…|all]: removes some tags, or the whole subscription.</summary>
public sealed class UnsubscribeHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public string Name => "unsubscribe";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var target = await ChatTargeting.ResolveAsync(context, ct);
        if (target.Chat is null)
        {
            return CommandContext.Say(target.Refusal!);
        }

        var remove = FilterParser.IsAll(target.RemainingArguments) ? SubscriptionFilter.Everything : FilterParser.Parse(target.RemainingArguments);
        if (!await subscriptions.UnsubscribeAsync(target.Chat, remove, ct))
        {
            return CommandContext.Say(context.Text.NotSubscribed);
        }

        var left = await subscriptions.GetAsync(target.Chat, ct);
        return CommandContext.Say(left is null ? context.Text.Unsubscribed : context.Text.UnsubscribedSome(ReplyFormat.Filter(left.Filter, context.Text)));
    }
}
