using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Telegram.Api;

/// <summary>
/// A message the bot sends: always HTML, without link previews. <paramref name="ThreadId"/> is the forum
/// topic; <paramref name="AllowPaidBroadcast"/> lets Telegram charge Stars to exceed the free rate.
/// </summary>
public sealed record OutgoingMessage(
    long ChatId,
    string Html,
    long? ThreadId = null,
    InlineKeyboardMarkup? ReplyMarkup = null,
    bool AllowPaidBroadcast = false);
