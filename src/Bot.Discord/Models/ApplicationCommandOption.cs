namespace Bot.Discord.Models;

public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    public int? MinValue { get; init; }
}
