using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Telegram.Api;
using Bot.Telegram.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace Bot.Telegram.Delivery;

/// <summary>Sends article parts to Telegram chats for the delivery worker and deletes them on retraction.</summary>
public sealed class TelegramDeliveryChannel(
    ITelegramApi client,
    TelegramArticleRenderer renderer,
    IOptions<TelegramOptions> options,
    ILogger<TelegramDeliveryChannel> logger) : IDeliveryChannel
{
    public Platform Platform => Platform.Telegram;

    public int CountParts(Article article) => renderer.Render(article).Count;

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        var parts = renderer.Render(article);
        if (partIndex < 0 || partIndex >= parts.Count)
        {
            return new SendOutcome.BadRequest($"part {partIndex} of {parts.Count} does not exist");
        }

        if (!TryParseIds(target, out var chatId, out var threadId))
        {
            return new SendOutcome.ChatGone($"'{target.ChatId}' is not a Telegram chat id");
        }

        try
        {
            var message = await client.SendMessage(new OutgoingMessage(chatId, parts[partIndex], threadId, AllowPaidBroadcast: options.Value.AllowPaidBroadcast, Silent: target.Silent), ct);
            return new SendOutcome.Sent([message.Id.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var outcome = TelegramErrors.ToOutcome(ex);
            logger.LogInformation("Telegram refused part {PartIndex} of article {ArticleId} to chat {ChatId}: {Outcome}", partIndex, article.Id, target.ChatId, outcome);
            return outcome;
        }
    }

    public async Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct)
    {
        if (!TryParseIds(target, out var chatId, out _) || !long.TryParse(messageId, CultureInfo.InvariantCulture, out var id))
        {
            return new SendOutcome.BadRequest($"'{target.ChatId}/{messageId}' is not a Telegram message");
        }

        try
        {
            await client.DeleteMessage(chatId, id, ct);
            return new SendOutcome.Sent([messageId]);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("message to delete not found", StringComparison.OrdinalIgnoreCase))
        {
            // Someone deleted it already: the retraction's goal is reached.
            return new SendOutcome.Sent([messageId]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return TelegramErrors.ToOutcome(ex);
        }
    }

    private static bool TryParseIds(DeliveryTarget target, out long chatId, out long? threadId)
    {
        threadId = long.TryParse(target.ThreadId, CultureInfo.InvariantCulture, out var thread) ? thread : null;
        return long.TryParse(target.ChatId, CultureInfo.InvariantCulture, out chatId);
    }
}
