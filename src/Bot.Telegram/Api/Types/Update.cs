namespace Bot.Telegram.Api.Types;

/// <summary>One incoming update; exactly one of the optional fields is set.</summary>
public sealed record Update(
    long UpdateId,
    Message? Message = null,
    Message? EditedMessage = null,
    Message? ChannelPost = null,
    CallbackQuery? CallbackQuery = null,
    InlineQuery? InlineQuery = null);
