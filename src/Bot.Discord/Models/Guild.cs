namespace Bot.Discord.Models;

public sealed record Guild
{
    public required string Id { get; init; }

    public string? OwnerId { get; init; }

    public IReadOnlyList<Role> Roles { get; init; } = [];
}
