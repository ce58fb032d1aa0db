namespace Bot.Telegram.Api.Types;

public sealed record User(
    long Id,
    bool IsBot,
    string FirstName,
    string? LastName = null,
    string? Username = null,
    string? LanguageCode = null,
    bool? SupportsInlineQueries = null);
