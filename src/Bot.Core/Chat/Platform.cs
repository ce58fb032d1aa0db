namespace Bot.Core.Chat;

/// <summary>The chat platforms the bot speaks on. Console is the local chat of the host.</summary>
public enum Platform
{
    Console,
    Telegram,
    Discord,
}

/// <summary>What kind of conversation a chat is; it decides rate limits and who may manage it.</summary>
public enum ChatKind
{
    Private,
    Group,
    Channel,
    DiscordChannel,
}

/// <summary>A chat (or a thread / forum topic in it) on one platform.</summary>
public sealed record ChatRef(Platform Platform, string ChatId, ChatKind Kind, string? ThreadId = null, string? Title = null);

/// <summary>The person who sent a message or pressed a button.</summary>
/// <param name="LanguageCode">The platform's language tag (Telegram language_code, Discord locale); Texts picks zh or en from it.</param>
public sealed record UserRef(Platform Platform, string UserId, string? DisplayName, string? LanguageCode);

public static class PlatformNames
{
    /// <summary>The lower-case name used in configuration (Bot:Admins) and the database.</summary>
    public static string ToKey(this Platform platform) => platform switch
    {
        Platform.Console => "console",
        Platform.Telegram => "telegram",
        Platform.Discord => "discord",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static bool TryParse(string? value, out Platform platform)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "console": platform = Platform.Console; return true;
            case "telegram": platform = Platform.Telegram; return true;
            case "discord": platform = Platform.Discord; return true;
            default: platform = default; return false;
        }
    }

    public static string ToKey(this ChatKind kind) => kind switch
    {
        ChatKind.Private => "private",
        ChatKind.Group => "group",
        ChatKind.Channel => "channel",
        ChatKind.DiscordChannel => "discord_channel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ChatKind ParseChatKind(string value) => value switch
    {
        "private" => ChatKind.Private,
        "group" => ChatKind.Group,
        "channel" => ChatKind.Channel,
        "discord_channel" => ChatKind.DiscordChannel,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown chat kind"),
    };
}
