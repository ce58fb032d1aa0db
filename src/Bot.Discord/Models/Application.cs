namespace Bot.Discord.Models;

/// <summary>GET /oauth2/applications/@me.</summary>
public sealed record Application
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public User? Bot { get; init; }

    public string? VerifyKey { get; init; }

    /// <summary>The bot user's id; for applications created since 2018 it equals the application id.</summary>
    public string BotUserId => Bot?.Id ?? Id;
}
