using System.Text;
using Bot.Core.Commands;
using Bot.Telegram.Delivery;
using Bot.Telegram.Api;
using Bot.Telegram.Rendering;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Telegram.Replies;

/// <summary>
/// Renders Core's replies as Telegram messages: Markdown through the one Telegram renderer, split at
/// the limit with the buttons under the last part; articles exactly as a delivery would send them.
/// </summary>
public sealed class TelegramReplySender(
    ITelegramApi client,
    TelegramDeliveryChannel articles,
    TelegramPartSender parts,
    TimeProvider time,
    ILogger<TelegramReplySender> logger)
{
    private const int MaxAttempts = 3;

    public async Task SendAsync(ReplyTarget target, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case Reply.Text text:
                    await SendTextAsync(target, text, ct);
                    break;
                case Reply.ArticleView view:
                    // Exactly the parts a delivery sends: the lead photo first when the article has one.
                    foreach (var part in articles.Parts(view.Article).Take(view.MaxParts ?? int.MaxValue))
                    {
                        if (part is TelegramPart.Text text)
                        {
                            await SendWithRetryAsync(new OutgoingMessage(target.ChatId, text.Html, target.ThreadId), ct);
                        }
                        else
                        {
                            try
                            {
                                await parts.SendAsync(target.ChatId, target.ThreadId, part, paidBroadcast: false, ct);
                            }
                            catch (Exception ex) when (ex is ApiRequestException or RequestException or IOException or TimeoutException)
                            {
                                // The text still follows; the picture is the part a reader can do without.
                                logger.LogInformation("Could not send a photo of article {ArticleId} to chat {ChatId}: {Reason}", view.Article.Id, target.ChatId, ex.Message);
                            }
                        }
                    }

                    break;
            }
        }
    }

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<ReplyButton>>? buttons)
    {
        var rows = (buttons ?? [])
            .Select(row => row
                .Where(b => Encoding.UTF8.GetByteCount(b.Payload) is > 0 and <= TelegramLimits.CallbackData)
                .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Payload))
                .ToList())
            .Where(row => row.Count > 0)
            .ToList();
        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private async Task SendTextAsync(ReplyTarget target, Reply.Text text, CancellationToken ct)
    {
        var parts = MessageSplitter.Split(TelegramMarkdown.Render(text.Markdown)).Select(TelegramHtmlWriter.Write).ToList();
        if (parts.Count == 0 || parts.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        var keyboard = Keyboard(text.Buttons);
        if (text.ReplaceOriginal && target.OriginalMessageId is { } original && parts.Count == 1)
        {
            try
            {
                await client.EditMessageText(target.ChatId, original, parts[0], keyboard, ct);
                return;
            }
            catch (ApiRequestException ex) when (ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            catch (ApiRequestException ex)
            {
                logger.LogInformation("Could not edit message {MessageId} in chat {ChatId} ({Reason}); sending a new one", original, target.ChatId, ex.Message);
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? keyboard : null;
            await SendWithRetryAsync(new OutgoingMessage(target.ChatId, parts[i], target.ThreadId, markup), ct);
        }
    }

    // A reply is worth a short wait when Telegram asks for one; anything else is the caller's error to log.
    private async Task SendWithRetryAsync(OutgoingMessage request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.SendMessage(request, ct);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429 && attempt < MaxAttempts)
            {
                var wait = TimeSpan.FromSeconds(Math.Clamp(ex.Parameters?.RetryAfter ?? 1, 1, 30));
                logger.LogInformation("Telegram asked to wait {Seconds}s before replying in chat {ChatId}", wait.TotalSeconds, request.ChatId);
                await Task.Delay(wait, time, ct);
            }
        }
    }
}
