namespace Bot.Discord.Models;

public sealed record EmbedImage(string Url);
