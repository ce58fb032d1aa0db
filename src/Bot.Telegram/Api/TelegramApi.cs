using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Telegram.Api;

/// <summary>
/// <see cref="ITelegramApi"/> over Telegram.Bot's <see cref="TelegramBotClient"/>. The library's own
/// retry is off (RetryThreshold = 0): the delivery outbox and its token buckets own all waiting, and a
/// hidden sleep would fight them and the tests' fake clock.
/// </summary>
public sealed class TelegramApi : ITelegramApi
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    private readonly TelegramBotClient _client;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;

    public TelegramApi(HttpClient http, IOptions<TelegramOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _client = new TelegramBotClient(new TelegramBotClientOptions(_options.Token, _options.ApiBaseUrl) { RetryThreshold = 0 }, http);
    }

    public Task<User> GetMe(CancellationToken ct) => Call("getMe", (c, t) => c.GetMe(t), ct);

    public Task<IReadOnlyList<Update>> GetUpdates(long? offset, int timeoutSeconds, IReadOnlyList<UpdateType> allowedUpdates, CancellationToken ct) =>
        Call<IReadOnlyList<Update>>(
            "getUpdates",
            async (c, t) => await c.GetUpdates(ToInt(offset), timeout: timeoutSeconds, allowedUpdates: allowedUpdates, cancellationToken: t),
            ct,
            TimeSpan.FromSeconds(timeoutSeconds));

    public Task<Message> SendMessage(OutgoingMessage message, CancellationToken ct) =>
        Call("sendMessage", (c, t) => c.SendMessage(
            message.ChatId,
            message.Html,
            ParseMode.Html,
            replyMarkup: message.ReplyMarkup,
            linkPreviewOptions: NoPreview,
            messageThreadId: ToInt(message.ThreadId),
            allowPaidBroadcast: message.AllowPaidBroadcast,
            cancellationToken: t), ct);

    public Task<Message> SendPhoto(OutgoingPhoto photo, CancellationToken ct) =>
        Call("sendPhoto", (c, t) => c.SendPhoto(
            photo.ChatId,
            ToInputFile(photo.Photo),
            photo.CaptionHtml.Length == 0 ? null : photo.CaptionHtml,
            ParseMode.Html,
            messageThreadId: ToInt(photo.ThreadId),
            allowPaidBroadcast: photo.AllowPaidBroadcast,
            cancellationToken: t), ct);

    public Task<IReadOnlyList<Message>> SendMediaGroup(OutgoingAlbum album, CancellationToken ct) =>
        Call<IReadOnlyList<Message>>("sendMediaGroup", async (c, t) => await c.SendMediaGroup(
            album.ChatId,
            album.Photos.Select(p => (IAlbumInputMedia)new InputMediaPhoto(ToInputFile(p))),
            messageThreadId: ToInt(album.ThreadId),
            allowPaidBroadcast: album.AllowPaidBroadcast,
            cancellationToken: t), ct);

    public Task<Message> EditMessageText(long chatId, long messageId, string html, InlineKeyboardMarkup? replyMarkup, CancellationToken ct) =>
        Call("editMessageText", (c, t) => c.EditMessageText(chatId, ToInt(messageId), html, ParseMode.Html, replyMarkup, NoPreview, cancellationToken: t), ct);

    public Task DeleteMessage(long chatId, long messageId, CancellationToken ct) =>
        Call("deleteMessage", async (c, t) =>
        {
            await c.DeleteMessage(chatId, ToInt(messageId), t);
            return true;
        }, ct);

    public Task AnswerCallbackQuery(string callbackQueryId, string? text, CancellationToken ct) =>
        Call("answerCallbackQuery", async (c, t) =>
        {
            await c.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: t);
            return true;
        }, ct);

    public Task AnswerInlineQuery(string inlineQueryId, IReadOnlyList<InlineQueryResult> results, string? nextOffset, int cacheTime, CancellationToken ct) =>
        Call("answerInlineQuery", async (c, t) =>
        {
            await c.AnswerInlineQuery(inlineQueryId, results, cacheTime, nextOffset: nextOffset ?? string.Empty, cancellationToken: t);
            return true;
        }, ct);

    public Task<ChatFullInfo> GetChat(string chatId, CancellationToken ct) =>
        Call("getChat", (c, t) => c.GetChat(ToChatId(chatId), t), ct);

    public Task<ChatMember> GetChatMember(long chatId, long userId, CancellationToken ct) =>
        Call("getChatMember", (c, t) => c.GetChatMember(chatId, userId, t), ct);

    public Task<TGFile> GetFile(string fileId, CancellationToken ct) => Call("getFile", (c, t) => c.GetFile(fileId, t), ct);

    public Task<Stream> DownloadFile(string filePath, CancellationToken ct) =>
        Call<Stream>("downloadFile", async (c, t) =>
        {
            // The library writes into a stream it is given; Telegram caps bot downloads at 20 MB, so memory will do.
            var buffer = new MemoryStream();
            await c.DownloadFile(filePath, buffer, t);
            buffer.Position = 0;
            return buffer;
        }, ct);

    public Task SetMyCommands(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken ct) =>
        Call("setMyCommands", async (c, t) =>
        {
            await c.SetMyCommands(commands, languageCode: languageCode, cancellationToken: t);
            return true;
        }, ct);

    public Task SetWebhook(string url, string secretToken, IReadOnlyList<UpdateType> allowedUpdates, CancellationToken ct) =>
        Call("setWebhook", async (c, t) =>
        {
            await c.SetWebhook(url, allowedUpdates: allowedUpdates, secretToken: secretToken, cancellationToken: t);
            return true;
        }, ct);

    public Task DeleteWebhook(bool dropPendingUpdates, CancellationToken ct) =>
        Call("deleteWebhook", async (c, t) =>
        {
            await c.DeleteWebhook(dropPendingUpdates, t);
            return true;
        }, ct);

    // The library only knows HttpClient.Timeout, which would also cut long polls short: every call gets
    // its own limit here, and running out of it is a TimeoutException (a transient failure), never a hang.
    private async Task<T> Call<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct, TimeSpan extraTimeout = default)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds) + extraTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            return await call(_client, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Telegram {method} timed out", ex);
        }
        catch (ApiRequestException ex)
        {
            throw new ApiRequestException(Scrub(ex.Message), ex.ErrorCode, ex.Parameters);
        }
        catch (RequestException ex)
        {
            // Its message, and its inner exception's, can carry the request URL and with it the token;
            // the inner exception is dropped, its scrubbed message kept.
            var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            var scrubbed = $"Telegram {method} failed: {Scrub(message)}";
            throw ex.HttpStatusCode is { } status ? new RequestException(scrubbed, status) : new RequestException(scrubbed);
        }
        catch (HttpRequestException ex)
        {
            var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            var scrubbed = $"Telegram {method} failed: {Scrub(message)}";
            throw ex.StatusCode is { } status ? new RequestException(scrubbed, status) : new RequestException(scrubbed);
        }
    }

    // A fresh stream per call: the library reads it to the end while writing the multipart body.
    private static InputFile ToInputFile(PhotoInput photo) =>
        photo.FileId is { } id ? InputFile.FromFileId(id) : InputFile.FromStream(new MemoryStream(photo.Bytes!, writable: false), photo.FileName);

    private string Scrub(string text) => TokenScrubber.Scrub(text, _options.Token);

    private static ChatId ToChatId(string chatId) =>
        long.TryParse(chatId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chatId);

    // The library keeps message, thread and update ids in int; Telegram's are 32-bit today, and a value
    // out of range is refused here rather than silently wrapped.
    private static int ToInt(long value) => checked((int)value);

    private static int? ToInt(long? value) => value is { } v ? checked((int)v) : null;
}
