namespace Bot.Testing; public static class Placeholder;
