using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

public sealed record Interaction
{
    public required string Id { get; init; }

    public required string ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Set in a guild; <see cref="User"/> is set in a DM.</summary>
    public GuildMember? Member { get; init; }

    public User? User { get; init; }

    public required string Token { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    /// <summary>The bot's own permissions in the channel of the interaction.</summary>
    public string? AppPermissions { get; init; }

    public User? Invoker => Member?.User ?? User;

    /// <summary>
    /// When the bot read the interaction (off the gateway socket or the HTTP request): Discord's 3-second
    /// deadline for the initial response runs from about then, whatever waits in between.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? ReceivedAt { get; init; }
}
