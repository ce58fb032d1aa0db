namespace Bot.Telegram.Api.Types;

public sealed record LinkPreviewOptions(bool IsDisabled);
