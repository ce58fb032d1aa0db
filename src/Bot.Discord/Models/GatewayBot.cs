namespace Bot.Discord.Models;

/// <summary>GET /gateway/bot.</summary>
public sealed record GatewayBot
{
    public required string Url { get; init; }

    public int Shards { get; init; } = 1;

    public SessionStartLimit? SessionStartLimit { get; init; }
}

/// <summary>How many sessions the bot may still start today, and how fast (Discord's session_start_limit).</summary>
/// <param name="ResetAfter">Milliseconds until <see cref="Remaining"/> is back to <see cref="Total"/>.</param>
/// <param name="MaxConcurrency">Identifies allowed per 5 seconds, one per bucket (shard id % max_concurrency).</param>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
