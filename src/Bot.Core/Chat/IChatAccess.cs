namespace Bot.Core.Chat;

public enum ChatRefusal
{
    NotFound,
    UserNotAdmin,
    BotNotAdmin,
    BotCannotPost,
    NotSupported,
}

public abstract record ChatResolution
{
    private ChatResolution()
    {
    }

    public sealed record Resolved(ChatRef Chat) : ChatResolution;

    public sealed record Refused(ChatRefusal Reason) : ChatResolution;
}

/// <summary>What only the platform can tell. The console implements it as "the local user may do everything".</summary>
public interface IChatAccess
{
    /// <summary>True when the user may manage subscriptions of the current chat: always in a private chat; in groups, chat admins (Telegram getChatMember); on Discord, Manage Channels.</summary>
    Task<bool> CanManageChatAsync(CancellationToken ct);

    /// <summary>
    /// Resolves another chat the user wants to subscribe (Telegram "@channel" or "-100…" id; Discord a
    /// channel id or &lt;#id&gt; mention), checking that the user administers it and the bot can post there.
    /// </summary>
    Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct);

    /// <summary>
    /// Whether the bot may post in the current chat, when the platform already knows (Discord sends the
    /// bot's rights with each interaction). Elsewhere the first delivery finds out, so the default says yes.
    /// </summary>
    Task<bool> CanBotPostHereAsync(CancellationToken ct) => Task.FromResult(true);
}
