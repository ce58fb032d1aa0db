using Bot.Core.Chat;
using Bot.Core.Digests;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/quiet 23:00-08:00 [silent] | off: articles published at night wait for the morning, or come without a notification.</summary>
public sealed class QuietHandler(IDeliveryPreferenceService preferences, ChatTimeZones zones) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "quiet", "Quiet hours: 23:00-08:00 (articles wait), add silent to send them without a notification, or off", "免打扰时段：23:00-08:00（文章延后），加 silent 则静音发送，或 off",
        [
            new(OptionNames.Hours, CommandOptionType.Text, false, "Local hours such as 23:00-08:00, or off", "当地时段，如 23:00-08:00，或 off"),
            new(OptionNames.Mode, CommandOptionType.Text, false, "wait (default) or silent", "wait（默认）或 silent"),
        ],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var text = context.Text;
        var typed = context.Option(OptionNames.Hours) is { } hours ? $"{hours} {context.Option(OptionNames.Mode)}" : context.Arguments;
        if (!DeliveryTermsParser.TryParseQuiet(typed, out var window))
        {
            return CommandContext.SayPrivately(text.QuietUsage);
        }

        var subscription = await preferences.SetQuietAsync(context.Target.Chat, window, ct);
        if (subscription is null)
        {
            return CommandContext.SayPrivately(text.SubscribeFirst);
        }

        return CommandContext.Say(window is null
            ? text.QuietOff
            : text.QuietSet(window.Display, window.Silent, subscription.Preferences.TimeZone ?? zones.Default.Id));
    }
}
