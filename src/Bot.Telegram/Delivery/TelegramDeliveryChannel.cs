using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Core.Subscriptions;
using Bot.Telegram.Api;
using Bot.Telegram.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace Bot.Telegram.Delivery;

/// <summary>
/// Sends article parts to Telegram chats for the delivery worker and deletes them on retraction. An
/// article with archived images starts with its lead photo (see <see cref="TelegramArticleRenderer.Parts"/>);
/// a part is one message, or one album, so a delivery interrupted after the photo resumes at the text.
/// </summary>
public sealed class TelegramDeliveryChannel(
    ITelegramApi client,
    TelegramArticleRenderer renderer,
    TelegramPartSender sender,
    IOptions<TelegramOptions> options,
    IOptions<DeliveryOptions> delivery,
    ILogger<TelegramDeliveryChannel> logger) : IDeliveryChannel
{
    // The worker asks for the count and then each part of the same cached article instance: built once per instance.
    private readonly ConditionalWeakTable<Article, IReadOnlyList<TelegramPart>> _parts = [];

    public Platform Platform => Platform.Telegram;

    public int CountParts(Article article) => Parts(article).Count;

    public IReadOnlyList<TelegramPart> Parts(Article article) => _parts.GetValue(article, a => renderer.Parts(a, delivery.Value.Images));

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        var parts = Parts(article);
        if (partIndex < 0 || partIndex >= parts.Count)
        {
            return new SendOutcome.BadRequest($"part {partIndex} of {parts.Count} does not exist");
        }

        if (!TryParseIds(target, out var chatId, out var threadId))
        {
            return new SendOutcome.ChatGone(ChatGoneKind.Other, $"'{target.ChatId}' is not a Telegram chat id");
        }

        try
        {
            var messages = await sender.SendAsync(chatId, threadId, parts[partIndex], options.Value.AllowPaidBroadcast, target.Silent, ct);
            return new SendOutcome.Sent([.. messages.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))]);
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
