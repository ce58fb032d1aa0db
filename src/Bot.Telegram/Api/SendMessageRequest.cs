using Bot.Telegram.Api.Types;

namespace Bot.Telegram.Api;

/// <summary>sendMessage's parameters; HTML parse mode and no link previews unless asked.</summary>
public sealed record SendMessageRequest(
    long ChatId,
    string Text,
    long? MessageThreadId = null,
    InlineKeyboardMarkup? ReplyMarkup = null,
    string? ParseMode = "HTML",
    LinkPreviewOptions? LinkPreviewOptions = null)
{
    public LinkPreviewOptions? LinkPreviewOptions { get; init; } = LinkPreviewOptions ?? new LinkPreviewOptions(IsDisabled: true);
}
