namespace Bot.Telegram; internal static class Placeholder;
