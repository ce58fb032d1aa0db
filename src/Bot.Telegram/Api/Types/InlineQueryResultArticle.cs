namespace Bot.Telegram.Api.Types;

public sealed record InlineQueryResultArticle(
    string Id,
    string Title,
    InputTextMessageContent InputMessageContent,
    string? Description = null,
    string? Url = null,
    InlineKeyboardMarkup? ReplyMarkup = null)
{
    public string Type { get; init; } = "article";
}
