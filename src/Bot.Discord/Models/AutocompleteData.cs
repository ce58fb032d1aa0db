namespace Bot.Discord.Models;

public sealed record AutocompleteData(IReadOnlyList<AutocompleteChoice> Choices);
