namespace Bot.Discord.Models;

public sealed record EmbedAuthor(string Name);
