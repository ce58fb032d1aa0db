using Bot.Core.Chat;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery;

/// <summary>Log lines of the delivery hot path, generated so they cost nothing when the level is off.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} of article {ArticleId}: part {Part} sent to {Platform} chat {ChatId}")]
    public static partial void PartSent(ILogger logger, long deliveryId, long articleId, int part, Platform platform, string chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} rate limited by {Platform} for chat {ChatId}; retrying after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, long deliveryId, Platform platform, string chatId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed transiently (attempt {Attempt}): {Reason}; next try at {At}")]
    public static partial void Transient(ILogger logger, long deliveryId, int attempt, string reason, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, long deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} deactivated: {Platform} chat {ChatId} is gone ({Reason})")]
    public static partial void ChatGone(ILogger logger, long subscriptionId, Platform platform, string chatId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} moves from chat {ChatId} to {NewChatId}")]
    public static partial void ChatMigrated(ILogger logger, long subscriptionId, string chatId, string newChatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the result of delivery work {WorkId}; its lease will expire and it is retried")]
    public static partial void RecordFailed(ILogger logger, Exception exception, long workId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery loop failed; retrying in {Delay}")]
    public static partial void LoopFailed(ILogger logger, Exception exception, TimeSpan delay);
}
