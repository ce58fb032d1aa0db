namespace Bot.Discord.Rest;

/// <summary>
/// Discord answered 401 to the bot's token: it is wrong or was reset. No request is sent after that
/// (each would count toward the invalid-request ban); the bot stops and tells the operator.
/// </summary>
public sealed class DiscordTokenRejectedException()
    : Exception("Discord rejected the bot token (401 Unauthorized): it is wrong or was reset in the developer portal.");
