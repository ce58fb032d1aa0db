namespace Bot.Core.Chat;

/// <summary>A file the user attached (a .md/.txt post). Opened lazily: the adapter downloads only when Core asks.</summary>
public sealed record IncomingFile(string FileName, long Size, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>
/// A message from any platform: a command (text starting with '/'), a plain text, or a file.
/// </summary>
/// <param name="Text">The text as typed; for Discord slash commands the adapter passes "/name" and the options in <paramref name="Options"/>.</param>
/// <param name="Access">Checks only the platform can make (is the user a chat admin, can the bot post in a channel…).</param>
/// <param name="Options">Named options of a Discord slash command or modal (tags, channel, query, id, count, time, title, body).</param>
/// <param name="BotUsername">The bot's own username, so "/help@OtherBot" in a group is ignored and "/help@OurBot" is ours.</param>
/// <param name="CanOpenForm">The adapter can answer this message with a <see cref="Reply.Form"/> (a Discord slash command).</param>
public sealed record IncomingMessage(
    ChatRef Chat,
    UserRef User,
    string Text,
    IChatAccess Access,
    IncomingFile? File = null,
    IReadOnlyDictionary<string, string>? Options = null,
    string? BotUsername = null,
    bool CanOpenForm = false);

/// <summary>A button press; <paramref name="Payload"/> is what Core put in <see cref="ReplyButton.Payload"/>.</summary>
public sealed record CallbackRequest(ChatRef Chat, UserRef User, string Payload, IChatAccess Access);
