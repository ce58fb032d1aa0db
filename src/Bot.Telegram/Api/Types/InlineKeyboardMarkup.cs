namespace Bot.Telegram.Api.Types;

public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);
