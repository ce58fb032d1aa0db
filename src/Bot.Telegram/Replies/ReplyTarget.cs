namespace Bot.Telegram.Replies;

/// <summary>Where a reply goes: the chat, the forum topic, and the message whose button was pressed.</summary>
public sealed record ReplyTarget(long ChatId, long? ThreadId, long? OriginalMessageId = null);
