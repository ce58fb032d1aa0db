namespace Bot.Telegram.Api.Types;

/// <summary>Telegram's File object (renamed to avoid System.IO.File); <paramref name="FilePath"/> is valid for an hour.</summary>
public sealed record TelegramFile(string FileId, string FileUniqueId, long? FileSize = null, string? FilePath = null);
