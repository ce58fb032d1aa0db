using Bot.Discord.Models;

namespace Bot.Discord.Rest;

/// <summary>
/// The Discord REST API v10 calls the bot makes. Errors throw <see cref="DiscordApiException"/>;
/// a rate limit longer than the configured wait throws <see cref="DiscordRateLimitedException"/>.
/// </summary>
public interface IDiscordRestClient
{
    Task<Application> GetCurrentApplicationAsync(CancellationToken ct);

    Task<GatewayBot> GetGatewayBotAsync(CancellationToken ct);

    Task<Channel> GetChannelAsync(string channelId, CancellationToken ct);

    Task<Guild> GetGuildAsync(string guildId, CancellationToken ct);

    Task<GuildMember> GetGuildMemberAsync(string guildId, string userId, CancellationToken ct);

    Task<Message> SendMessageAsync(string channelId, MessagePayload message, CancellationToken ct);

    /// <summary>Creates a message with files as multipart/form-data (payload_json and files[n]); the payload's attachments name them.</summary>
    Task<Message> SendMessageWithFilesAsync(string channelId, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken ct);

    /// <summary>POST /users/@me/channels: the DM channel with a user (Discord returns the existing one when there is one).</summary>
    Task<Channel> CreateDmChannelAsync(string recipientId, CancellationToken ct);

    Task DeleteMessageAsync(string channelId, string messageId, CancellationToken ct);

    Task BulkOverwriteGlobalApplicationCommandsAsync(string applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct);

    Task BulkOverwriteGuildApplicationCommandsAsync(string applicationId, string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct);

    Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct);

    Task<Message> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct);

    Task EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct);

    Task DeleteOriginalInteractionResponseAsync(string applicationId, string interactionToken, CancellationToken ct);

    /// <summary>Downloads an attachment (cdn.discordapp.com URL from the interaction), at most <paramref name="maxBytes"/>.</summary>
    Task<Stream> DownloadAttachmentAsync(string url, long maxBytes, CancellationToken ct);
}
