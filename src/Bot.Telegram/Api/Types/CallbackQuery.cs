namespace Bot.Telegram.Api.Types;

/// <param name="Message">The message with the button; absent for buttons on inline-mode messages.</param>
public sealed record CallbackQuery(string Id, User From, Message? Message = null, string? Data = null, string? InlineMessageId = null, string? ChatInstance = null);
