namespace Bot.Discord.Models;

public sealed record InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public ResolvedData? Resolved { get; init; }

    /// <summary>Button or modal id.</summary>
    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    /// <summary>Modal submissions: action rows of text inputs with their values.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
}
