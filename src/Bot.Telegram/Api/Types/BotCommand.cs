namespace Bot.Telegram.Api.Types;

public sealed record BotCommand(string Command, string Description);
