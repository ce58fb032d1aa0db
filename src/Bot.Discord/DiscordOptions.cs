using System.ComponentModel.DataAnnotations;

namespace Bot.Discord;

public enum DiscordInteractionMode
{
    /// <summary>Interactions arrive as INTERACTION_CREATE on the gateway connection.</summary>
    Gateway,

    /// <summary>Discord POSTs interactions to /discord/interactions on the host's web server.</summary>
    Http,
}

/// <summary>The Discord section of the configuration.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    public string? Token { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL from GET /gateway/bot.</summary>
    public string? GatewayUrl { get; set; }

    public DiscordInteractionMode Interactions { get; set; } = DiscordInteractionMode.Gateway;

    /// <summary>The application's Ed25519 public key in hex; required in http mode.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Registers the commands in this guild only (instant, for development) instead of globally.</summary>
    public string? GuildId { get; set; }

    public bool RegisterCommands { get; set; } = true;

    [Range(0, 0xFFFFFF)]
    public int EmbedColor { get; set; } = 0x3B82F6;

    /// <summary>An interaction whose answer takes longer than this is deferred (type 5) and answered by follow-ups; Discord allows 3 s.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longer rate-limit waits are not slept through: the caller gets a RateLimited outcome instead.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 100L * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Discord:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }

        if (GatewayUrl is not null && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            yield return new ValidationResult("Discord:GatewayUrl must be an absolute ws(s) URL.", [nameof(GatewayUrl)]);
        }

        if (Interactions == DiscordInteractionMode.Http && !IsHexKey(PublicKey))
        {
            yield return new ValidationResult("Discord:PublicKey (64 hex characters, from the developer portal) is required when Discord:Interactions is http.", [nameof(PublicKey)]);
        }

        if (GuildId is not null && !ulong.TryParse(GuildId, out _))
        {
            yield return new ValidationResult("Discord:GuildId must be a numeric guild id.", [nameof(GuildId)]);
        }

        if (DeferAfter < TimeSpan.Zero || DeferAfter > TimeSpan.FromSeconds(2.5))
        {
            yield return new ValidationResult("Discord:DeferAfter must be between 0 and 2.5 seconds: Discord drops unanswered interactions after 3 s.", [nameof(DeferAfter)]);
        }
    }

    private static bool IsHexKey(string? key) => key is { Length: 64 } && key.All(char.IsAsciiHexDigit);
}
