namespace Bot.Discord.Models;

public sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components);
