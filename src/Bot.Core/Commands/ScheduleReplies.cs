using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Configuration;
using Bot.Core.Localization;
using Bot.Core.Publishing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Commands;

/// <summary>Schedules a draft from a typed time, shared by /schedule and the reply after the Schedule button.</summary>
public sealed class ScheduleReplies(IPublishingService publishing, IOptions<BotOptions> options, TimeProvider clock)
{
    public TimeZoneInfo Zone => BotOptions.TryFindZone(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task<IReadOnlyList<Reply>> ScheduleAsync(long id, string time, UiText text, CancellationToken ct)
    {
        var at = TimeParser.Parse(time, clock.GetUtcNow(), Zone);
        if (at is null)
        {
            return CommandContext.Say(text.BadTime(time));
        }

        var outcome = await publishing.ScheduleAsync(id, at.Value, ct);
        return CommandContext.Say(outcome.Status switch
        {
            PublishStatus.Scheduled => text.Scheduled(id, TimeZoneInfo.ConvertTime(at.Value, Zone)),
            PublishStatus.TimeInPast => text.TimeInPast,
            PublishStatus.NotFound => text.ArticleNotFound(id),
            PublishStatus.AlreadyRetracted => text.AlreadyRetracted(id),
            _ => text.AlreadyPublished(id),
        });
    }
}
