namespace Bot.Discord.Models;

public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary>Nobody is pinged, whatever the text says (@everyone, roles, users).</summary>
    public static AllowedMentions None { get; } = new([]);
}
