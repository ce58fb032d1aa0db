namespace Bot.Telegram.Api.Types;

/// <param name="Offset">What the bot returned as next_offset for the previous page; empty for the first.</param>
public sealed record InlineQuery(string Id, User From, string Query, string Offset, string? ChatType = null);
