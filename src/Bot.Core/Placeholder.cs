namespace Bot.Core; internal static class Placeholder;
