using Bot.Core.Chat;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/unsubscribe [@channel] [tags…|all]: removes some tags, or the whole subscription.</summary>
public sealed class UnsubscribeHandler(ISubscriptionService subscriptions) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "unsubscribe", "Stop some tags, or everything", "取消订阅部分标签或全部",
        [
            new(OptionNames.Tags, CommandOptionType.Text, false, "Tags to remove, or all", "要取消的标签，或 all", OptionSuggestions.Tags),
            new(OptionNames.Channel, CommandOptionType.Channel, false, "Another channel", "其他频道"),
        ],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var chat = context.Target.Chat;
        var remove = FilterParser.IsAll(context.Arguments) ? SubscriptionFilter.Everything : FilterParser.Parse(context.Arguments);
        var current = await subscriptions.GetAsync(chat, ct);
        if (current is null)
        {
            return CommandContext.Say(context.Text.NotSubscribed);
        }

        if (!remove.IsEverything && Missing(current.Filter, remove) is { Count: > 0 } missing && missing.Count == Count(remove))
        {
            // Nothing asked for is in the filter: say so rather than "removed".
            return CommandContext.Say(context.Text.NotInFilter(missing));
        }

        if (!await subscriptions.UnsubscribeAsync(chat, remove, ct))
        {
            return CommandContext.Say(context.Text.NotSubscribed);
        }

        var left = await subscriptions.GetAsync(chat, ct);
        return CommandContext.Say(left is null ? context.Text.Unsubscribed : context.Text.UnsubscribedSome(left.Filter));
    }

    private static List<string> Missing(SubscriptionFilter current, SubscriptionFilter remove) =>
    [
        .. remove.Tags.Where(t => !current.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)),
        .. remove.Authors.Where(a => !current.Authors.Contains(a, StringComparer.OrdinalIgnoreCase)).Select(a => "author:" + a),
        .. remove.Keywords.Where(k => !current.Keywords.Contains(k, StringComparer.OrdinalIgnoreCase)).Select(k => "keyword:" + k),
    ];

    private static int Count(SubscriptionFilter filter) => filter.Tags.Count + filter.Authors.Count + filter.Keywords.Count;
}
