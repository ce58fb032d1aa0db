namespace Bot.Core.Subscriptions;

/// <summary>
/// Why the platform will no longer take messages for a chat, in words the bot can say in any language: the
/// platform's own text (English, and worded differently on every platform) is kept beside it for operators.
/// </summary>
public enum ChatGoneKind
{
    /// <summary>A refusal the adapter could not place; the reply quotes the platform's text.</summary>
    Other,

    /// <summary>A private chat's user blocked the bot (or deleted their account).</summary>
    BlockedByUser,

    /// <summary>The bot was removed from the group, channel or server, or left it.</summary>
    RemovedFromChat,

    /// <summary>The bot is still there but may no longer post.</summary>
    NoRightToPost,

    /// <summary>The chat or channel no longer exists.</summary>
    ChatDeleted,

    /// <summary>The forum topic was deleted (only that topic's subscription stops).</summary>
    TopicDeleted,

    /// <summary>The group moved to a new id that has a subscription of its own.</summary>
    Migrated,
}

public static class ChatGoneKinds
{
    /// <summary>The name kept in subscriptions.deactivated_kind.</summary>
    public static string ToKey(this ChatGoneKind kind) => kind switch
    {
        ChatGoneKind.BlockedByUser => "blocked",
        ChatGoneKind.RemovedFromChat => "removed",
        ChatGoneKind.NoRightToPost => "no_rights",
        ChatGoneKind.ChatDeleted => "deleted",
        ChatGoneKind.TopicDeleted => "topic_deleted",
        ChatGoneKind.Migrated => "migrated",
        _ => "other",
    };

    /// <summary>An unknown or missing name (rows from before the column, imported subscriptions) is <see cref="ChatGoneKind.Other"/>.</summary>
    public static ChatGoneKind Parse(string? key) =>
        Enum.GetValues<ChatGoneKind>().FirstOrDefault(kind => kind.ToKey() == key); // no match: default, which is Other
}
