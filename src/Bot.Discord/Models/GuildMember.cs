namespace Bot.Discord.Models;

public sealed record GuildMember
{
    public User? User { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>In interactions: the member's total permissions in the channel, overwrites included.</summary>
    public string? Permissions { get; init; }
}
