namespace Bot.Discord.Models;

public sealed record EmbedFooter(string Text);
