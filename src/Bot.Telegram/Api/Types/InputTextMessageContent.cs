namespace Bot.Telegram.Api.Types;

public sealed record InputTextMessageContent(string MessageText, string? ParseMode = null, LinkPreviewOptions? LinkPreviewOptions = null);
