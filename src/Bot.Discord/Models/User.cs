namespace Bot.Discord.Models;

public sealed record User
{
    public required string Id { get; init; }

    public string? Username { get; init; }

    public string? GlobalName { get; init; }

    public bool? Bot { get; init; }
}
