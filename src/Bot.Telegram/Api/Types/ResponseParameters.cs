namespace Bot.Telegram.Api.Types;

/// <summary>Why a request failed, when Telegram says more than the description.</summary>
public sealed record ResponseParameters(long? MigrateToChatId = null, int? RetryAfter = null);
