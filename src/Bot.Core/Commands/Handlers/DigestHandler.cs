using Bot.Core.Chat;
using Bot.Core.Digests;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/digest 08:00 | weekly mon 08:00 | off: one message a day or week instead of each article.</summary>
public sealed class DigestHandler(IDeliveryPreferenceService preferences, ChatTimeZones zones) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "digest", "One message a day (or week) with the new articles: 08:00, weekly mon 08:00, off", "每天（或每周）一条摘要：08:00、weekly mon 08:00、off",
        [
            new(OptionNames.Time, CommandOptionType.Text, false, "Local time such as 08:00, or off", "当地时间，如 08:00，或 off"),
            new(OptionNames.Day, CommandOptionType.Text, false, "For a weekly digest: mon, tue, …", "每周摘要的星期：mon、tue……"),
        ],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var text = context.Text;
        // Discord sends options; elsewhere the words after the command say the same.
        var typed = context.Option(OptionNames.Time) is { } time
            ? (context.Option(OptionNames.Day) is { } day ? $"weekly {day} {time}" : time)
            : context.Arguments;
        if (!DeliveryTermsParser.TryParseDigest(typed, out var schedule))
        {
            return CommandContext.SayPrivately(text.DigestUsage);
        }

        var subscription = await preferences.SetDigestAsync(context.Target.Chat, schedule, context.Message.User.LanguageCode, ct);
        if (subscription is null)
        {
            return CommandContext.SayPrivately(text.SubscribeFirst);
        }

        return CommandContext.Say(schedule is null
            ? text.DigestOff
            : text.DigestSet(schedule.Display, subscription.Preferences.TimeZone ?? zones.Default.Id));
    }
}
