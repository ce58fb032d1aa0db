namespace Bot.Discord.Models;

public sealed record AutocompleteChoice(string Name, string Value);
