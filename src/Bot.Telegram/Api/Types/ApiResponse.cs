namespace Bot.Telegram.Api.Types;

/// <summary>Telegram's envelope: the result, or ok=false with an error code, a description and sometimes parameters.</summary>
public sealed record ApiResponse<T>(bool Ok, T? Result = default, int? ErrorCode = null, string? Description = null, ResponseParameters? Parameters = null);
