using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Digests;
using Bot.Core.Subscriptions;

namespace Bot.Core.Commands.Handlers;

/// <summary>/timezone Asia/Shanghai: the zone this chat's digest times and quiet hours are read in.</summary>
public sealed class TimeZoneHandler(IDeliveryPreferenceService preferences, TimeProvider time) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "timezone", "This chat's time zone for digests and quiet hours, e.g. Asia/Shanghai", "本聊天摘要和免打扰所用的时区，如 Asia/Shanghai",
        [new(OptionNames.Zone, CommandOptionType.Text, true, "An IANA zone name such as Asia/Shanghai", "IANA 时区名，如 Asia/Shanghai")],
        ManagesChat: true,
        Answer: AnswerVisibility.Public);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var text = context.Text;
        var name = context.ArgumentOr(OptionNames.Zone).Trim();
        if (name.Length == 0)
        {
            return CommandContext.SayPrivately(text.TimeZoneUsage);
        }

        if (ChatTimeZones.TryFind(name) is not { } zone)
        {
            return CommandContext.SayPrivately(text.TimeZoneUnknown(name) + "\n" + text.TimeZoneUsage);
        }

        var subscription = await preferences.SetTimeZoneAsync(context.Target.Chat, name, ct);
        if (subscription is null)
        {
            return CommandContext.SayPrivately(text.SubscribeFirst);
        }

        var localNow = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return CommandContext.Say(text.TimeZoneSet(name, localNow));
    }
}
