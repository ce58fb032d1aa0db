namespace Bot.Discord.Models;

/// <summary>An action row (1), button (2) or text input (4); modal submissions come back in the same shape with values.</summary>
public sealed record Component
{
    public int Type { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public bool? Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }

    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int TextInputType = 4;

    public static Component Row(IReadOnlyList<Component> components) => new() { Type = ActionRowType, Components = components };
}
