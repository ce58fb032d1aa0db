using System.Globalization;
using Bot.Core.Chat;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Telegram.Access;

/// <summary>Telegram chats and users as Core sees them.</summary>
public static class TelegramChats
{
    // Telegram's stand-in sender for anonymous group admins.
    public const long GroupAnonymousBotId = 1087968824;

    public static ChatKind Kind(Chat chat) => chat.Type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    public static ChatRef ToChatRef(Chat chat, long? threadId = null) => new(
        Platform.Telegram,
        chat.Id.ToString(CultureInfo.InvariantCulture),
        Kind(chat),
        threadId?.ToString(CultureInfo.InvariantCulture),
        chat.Title ?? chat.Username ?? chat.FirstName);

    public static ChatRef ToChatRef(Message message) => ToChatRef(message.Chat, TopicOf(message));

    /// <summary>The forum topic a message was written in; null outside forums (where the thread id means a reply chain).</summary>
    public static long? TopicOf(Message message) => message.IsTopicMessage ? message.MessageThreadId : null;

    public static UserRef ToUserRef(User user) => new(
        Platform.Telegram,
        user.Id.ToString(CultureInfo.InvariantCulture),
        string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
        user.LanguageCode);
}
