namespace Bot.Discord.Models;

/// <summary>A chat-input (slash) command as registered with a bulk overwrite.</summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a decimal string; members without it do not see the command.</summary>
    public string? DefaultMemberPermissions { get; init; }

    public int Type { get; init; } = 1;
}
