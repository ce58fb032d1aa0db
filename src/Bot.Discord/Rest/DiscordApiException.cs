using System.Net;

namespace Bot.Discord.Rest;

/// <summary>Discord answered with an error; <see cref="Code"/> is its JSON error code (10003 Unknown Channel…).</summary>
public sealed class DiscordApiException(HttpStatusCode status, int? code, string message)
    : Exception($"Discord API error {(int)status}{(code is null ? string.Empty : $" ({code})")}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public int? Code { get; } = code;

    public string ApiMessage { get; } = message;

    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownInteraction = 10062;
    public const int RequestEntityTooLarge = 40005;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
}
