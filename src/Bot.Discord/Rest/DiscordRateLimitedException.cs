namespace Bot.Discord.Rest;

/// <summary>A bucket (or the global limit) is exhausted for longer than the client is willing to wait.</summary>
public sealed class DiscordRateLimitedException(TimeSpan retryAfter, bool global)
    : Exception($"Discord rate limit{(global ? " (global)" : string.Empty)}: retry after {retryAfter.TotalSeconds:0.###} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Global { get; } = global;
}
