using System.Text.Json;

namespace Bot.Discord.Models;

public sealed record InteractionOption
{
    public required string Name { get; init; }

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public bool? Focused { get; init; }

    /// <summary>The value as text whatever its JSON type (strings, integers, snowflakes).</summary>
    public string? ValueText => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };
}
