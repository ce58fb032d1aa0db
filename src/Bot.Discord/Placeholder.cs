namespace Bot.Discord; internal static class Placeholder;
