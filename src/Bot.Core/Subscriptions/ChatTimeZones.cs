using System.Collections.Concurrent;
using Bot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Core.Subscriptions;

/// <summary>A chat's zone by its IANA name, or the bot's <c>Bot:TimeZone</c> when it has none (or one no longer known).</summary>
public sealed class ChatTimeZones(IOptions<BotOptions> options)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo?> _zones = new(StringComparer.Ordinal);

    public TimeZoneInfo Default => Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    public TimeZoneInfo Resolve(string? id) => id is null ? Default : Find(id) ?? Default;

    /// <summary>The zone of an IANA name ("Asia/Shanghai", "UTC"); null when the name is unknown.</summary>
    public static TimeZoneInfo? TryFind(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        return BotOptions.TryFindZone(id.Trim(), out var zone) ? zone : null;
    }

    private TimeZoneInfo? Find(string id) => _zones.GetOrAdd(id, TryFind);
}
