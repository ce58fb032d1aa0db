using Bot.Core.Chat;
using Bot.Core.Digests;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/subscribe [@channel] [tags… author:x keyword:y]: this chat, or a channel the user administers.</summary>
public sealed class SubscribeHandler(ISubscriptionService subscriptions, IDeliveryPreferenceService preferences) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "subscribe", "Get new articles here (optionally only some tags)", "订阅新文章（可只订阅部分标签）",
        [
            new(OptionNames.Tags, CommandOptionType.Text, false, "Tags separated by spaces", "标签，以空格分隔", OptionSuggestions.Tags),
            new(OptionNames.Channel, CommandOptionType.Channel, false, "Another channel to subscribe", "要订阅的其他频道"),
        ],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var target = context.Target;
        if (!target.IsOtherChat && !await context.Message.Access.CanBotPostHereAsync(ct))
        {
            // Another chat was checked when it was resolved; here only the platform may already know.
            return CommandContext.SayPrivately(context.Text.Refusal(ChatRefusal.BotCannotPost));
        }

        // "digest:08:00" (or digest:off) among the filter words sets the delivery mode in the same command.
        var words = context.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var digestWord = words.FirstOrDefault(w => w.StartsWith("digest:", StringComparison.OrdinalIgnoreCase));
        DigestSchedule? digest = null;
        if (digestWord is not null && !DeliveryTermsParser.TryParseDigest(digestWord["digest:".Length..], out digest))
        {
            return CommandContext.SayPrivately(context.Text.DigestUsage);
        }

        var filterText = digestWord is null ? context.Arguments : string.Join(' ', words.Where(w => !ReferenceEquals(w, digestWord)));
        var wanted = FilterParser.Parse(filterText);
        if (FilterParser.IsTooLarge(wanted))
        {
            return CommandContext.SayPrivately(context.Text.TooManyFilterItems(SqliteSubscriptionService.MaxValuesPerKind));
        }

        SubscribeOutcome outcome;
        try
        {
            outcome = await subscriptions.SubscribeAsync(target.Chat, wanted, ct);
        }
        catch (ArgumentException)
        {
            // Together with what the chat already has, the filter would pass the limit.
            return CommandContext.SayPrivately(context.Text.TooManyFilterItems(SqliteSubscriptionService.MaxValuesPerKind));
        }

        if (digestWord is not null)
        {
            await preferences.SetDigestAsync(target.Chat, digest, context.Message.User.LanguageCode, ct);
        }

        var filter = outcome.Subscription.Filter;
        if (target.IsOtherChat)
        {
            return CommandContext.Say(context.Text.SubscribedOther(target.Chat.Title ?? target.Chat.ChatId, filter));
        }

        return CommandContext.Say(outcome.Status switch
        {
            SubscribeStatus.Created => context.Text.Subscribed(filter),
            SubscribeStatus.Updated => context.Text.SubscriptionUpdated(filter),
            _ => context.Text.AlreadySubscribed(filter),
        });
    }
}
