using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Telegram.Api.Types;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Api;

/// <summary>
/// A small typed Bot API client: JSON POSTs to {base}/bot{token}/{method}. The token lives only in
/// request URLs, and every transport error is rethrown with the token scrubbed from its message.
/// </summary>
public sealed class TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options) : ITelegramBotClient
{
    private readonly TelegramOptions _options = options.Value;

    public Task<User> GetMe(CancellationToken ct) => Call<User>("getMe", new { }, ct);

    public Task<IReadOnlyList<Update>> GetUpdates(long? offset, int timeoutSeconds, IReadOnlyList<string>? allowedUpdates, CancellationToken ct) =>
        Call<IReadOnlyList<Update>>(
            "getUpdates",
            new { offset, timeout = timeoutSeconds, allowed_updates = allowedUpdates },
            ct,
            extraTimeout: TimeSpan.FromSeconds(timeoutSeconds));

    public Task<Message> SendMessage(SendMessageRequest request, CancellationToken ct) => Call<Message>("sendMessage", request, ct);

    public Task<Message> EditMessageText(long chatId, long messageId, string html, InlineKeyboardMarkup? replyMarkup, CancellationToken ct) =>
        Call<Message>(
            "editMessageText",
            new
            {
                chat_id = chatId,
                message_id = messageId,
                text = html,
                parse_mode = "HTML",
                link_preview_options = new LinkPreviewOptions(IsDisabled: true),
                reply_markup = replyMarkup,
            },
            ct);

    public Task DeleteMessage(long chatId, long messageId, CancellationToken ct) =>
        Call<bool>("deleteMessage", new { chat_id = chatId, message_id = messageId }, ct);

    public Task AnswerCallbackQuery(string callbackQueryId, string? text, CancellationToken ct) =>
        Call<bool>("answerCallbackQuery", new { callback_query_id = callbackQueryId, text }, ct);

    public Task AnswerInlineQuery(string inlineQueryId, IReadOnlyList<InlineQueryResultArticle> results, string? nextOffset, int cacheTime, CancellationToken ct) =>
        Call<bool>(
            "answerInlineQuery",
            new { inline_query_id = inlineQueryId, results, next_offset = nextOffset ?? string.Empty, cache_time = cacheTime },
            ct);

    public Task<Chat> GetChat(string chatId, CancellationToken ct) => Call<Chat>("getChat", new { chat_id = chatId }, ct);

    public Task<ChatMember> GetChatMember(long chatId, long userId, CancellationToken ct) =>
        Call<ChatMember>("getChatMember", new { chat_id = chatId, user_id = userId }, ct);

    public Task<TelegramFile> GetFile(string fileId, CancellationToken ct) => Call<TelegramFile>("getFile", new { file_id = fileId }, ct);

    public async Task<Stream> DownloadFile(string filePath, CancellationToken ct)
    {
        var url = $"{BaseUrl}/file/bot{_options.Token}/{filePath.TrimStart('/')}";
        try
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                response.Dispose();
                throw new ApiRequestException("downloadFile", code, response.ReasonPhrase ?? "download failed", null);
            }

            return await response.Content.ReadAsStreamAsync(ct);
        }
        catch (HttpRequestException ex)
        {
            throw Scrubbed(ex);
        }
    }

    public Task SetMyCommands(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken ct) =>
        Call<bool>("setMyCommands", new { commands, language_code = languageCode }, ct);

    public Task SetWebhook(string url, string secretToken, IReadOnlyList<string>? allowedUpdates, CancellationToken ct) =>
        Call<bool>("setWebhook", new { url, secret_token = secretToken, allowed_updates = allowedUpdates }, ct);

    public Task DeleteWebhook(bool dropPendingUpdates, CancellationToken ct) =>
        Call<bool>("deleteWebhook", new { drop_pending_updates = dropPendingUpdates }, ct);

    private string BaseUrl => _options.ApiBaseUrl.TrimEnd('/');

    private async Task<T> Call<T>(string method, object parameters, CancellationToken ct, TimeSpan extraTimeout = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds) + extraTimeout);
        ApiResponse<T>? body;
        HttpStatusCode status;
        try
        {
            using var response = await http.PostAsJsonAsync($"{BaseUrl}/bot{_options.Token}/{method}", parameters, TelegramJson.Options, timeout.Token);
            status = response.StatusCode;
            body = await ReadBody<T>(response, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw Scrubbed(ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Telegram {method} timed out", ex);
        }

        if (body is { Ok: true, Result: { } result })
        {
            return result;
        }

        throw new ApiRequestException(
            method,
            body?.ErrorCode ?? (int)status,
            TokenScrubber.Scrub(body?.Description ?? status.ToString(), _options.Token),
            body?.Parameters);
    }

    private static async Task<ApiResponse<T>?> ReadBody<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiResponse<T>>(TelegramJson.Options, ct);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status code says enough.
            return null;
        }
    }

    // HttpRequestException messages can carry the request URL, and with it the token; the inner
    // exception is dropped for the same reason, its (scrubbed) message kept.
    private HttpRequestException Scrubbed(HttpRequestException ex)
    {
        var message = TokenScrubber.Scrub(ex.Message, _options.Token);
        if (ex.InnerException is { } inner)
        {
            message += " (" + TokenScrubber.Scrub(inner.Message, _options.Token) + ")";
        }

        return new HttpRequestException(message, null, ex.StatusCode);
    }
}
