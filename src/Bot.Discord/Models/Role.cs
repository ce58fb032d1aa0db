namespace Bot.Discord.Models;

public sealed record Role(string Id, string? Name, string Permissions);
