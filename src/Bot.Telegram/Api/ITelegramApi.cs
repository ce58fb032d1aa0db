using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Telegram.Api;

/// <summary>
/// The Bot API calls this bot makes, over Telegram.Bot's client, with what the library leaves to its
/// users: a time limit on every call (a <see cref="TimeoutException"/>), the token scrubbed from every
/// error (<see cref="global::Telegram.Bot.Exceptions.ApiRequestException"/> for Telegram's refusals,
/// <see cref="global::Telegram.Bot.Exceptions.RequestException"/> for transport failures), and this
/// project's long ids where the library uses int. Named apart from the library's ITelegramBotClient.
/// </summary>
public interface ITelegramApi
{
    Task<User> GetMe(CancellationToken ct);

    Task<IReadOnlyList<Update>> GetUpdates(long? offset, int timeoutSeconds, IReadOnlyList<UpdateType> allowedUpdates, CancellationToken ct);

    Task<Message> SendMessage(OutgoingMessage message, CancellationToken ct);

    /// <summary>A photo uploaded from the archive or resent by its file_id, with an HTML caption.</summary>
    Task<Message> SendPhoto(OutgoingPhoto photo, CancellationToken ct);

    /// <summary>An album of 2–10 photos; Telegram answers with one message per photo, in order.</summary>
    Task<IReadOnlyList<Message>> SendMediaGroup(OutgoingAlbum album, CancellationToken ct);

    Task<Message> EditMessageText(long chatId, long messageId, string html, InlineKeyboardMarkup? replyMarkup, CancellationToken ct);

    Task DeleteMessage(long chatId, long messageId, CancellationToken ct);

    Task AnswerCallbackQuery(string callbackQueryId, string? text, CancellationToken ct);

    Task AnswerInlineQuery(string inlineQueryId, IReadOnlyList<InlineQueryResult> results, string? nextOffset, int cacheTime, CancellationToken ct);

    /// <param name="chatId">A numeric id or "@username".</param>
    Task<ChatFullInfo> GetChat(string chatId, CancellationToken ct);

    Task<ChatMember> GetChatMember(long chatId, long userId, CancellationToken ct);

    Task<TGFile> GetFile(string fileId, CancellationToken ct);

    /// <summary>Downloads a file given its <see cref="TGFile.FilePath"/> (at most 20 MB); the caller disposes the stream.</summary>
    Task<Stream> DownloadFile(string filePath, CancellationToken ct);

    Task SetMyCommands(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken ct);

    Task SetWebhook(string url, string secretToken, IReadOnlyList<UpdateType> allowedUpdates, CancellationToken ct);

    Task DeleteWebhook(bool dropPendingUpdates, CancellationToken ct);
}
