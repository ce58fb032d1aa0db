using Bot.Telegram.Api.Types;

namespace Bot.Telegram.Api;

/// <summary>The part of the Bot API this bot uses; names follow Telegram.Bot. Errors throw <see cref="ApiRequestException"/>.</summary>
public interface ITelegramBotClient
{
    Task<User> GetMe(CancellationToken ct);

    Task<IReadOnlyList<Update>> GetUpdates(long? offset, int timeoutSeconds, IReadOnlyList<string>? allowedUpdates, CancellationToken ct);

    Task<Message> SendMessage(SendMessageRequest request, CancellationToken ct);

    Task<Message> EditMessageText(long chatId, long messageId, string html, InlineKeyboardMarkup? replyMarkup, CancellationToken ct);

    Task DeleteMessage(long chatId, long messageId, CancellationToken ct);

    Task AnswerCallbackQuery(string callbackQueryId, string? text, CancellationToken ct);

    Task AnswerInlineQuery(string inlineQueryId, IReadOnlyList<InlineQueryResultArticle> results, string? nextOffset, int cacheTime, CancellationToken ct);

    /// <param name="chatId">A numeric id or "@username".</param>
    Task<Chat> GetChat(string chatId, CancellationToken ct);

    Task<ChatMember> GetChatMember(long chatId, long userId, CancellationToken ct);

    Task<TelegramFile> GetFile(string fileId, CancellationToken ct);

    /// <summary>Downloads a file given its <see cref="TelegramFile.FilePath"/>; the caller disposes the stream.</summary>
    Task<Stream> DownloadFile(string filePath, CancellationToken ct);

    Task SetMyCommands(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken ct);

    Task SetWebhook(string url, string secretToken, IReadOnlyList<string>? allowedUpdates, CancellationToken ct);

    Task DeleteWebhook(bool dropPendingUpdates, CancellationToken ct);
}
