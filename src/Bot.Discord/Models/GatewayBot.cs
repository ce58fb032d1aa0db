namespace Bot.Discord.Models;

/// <summary>GET /gateway/bot.</summary>
public sealed record GatewayBot
{
    public required string Url { get; init; }

    public int Shards { get; init; } = 1;
}
