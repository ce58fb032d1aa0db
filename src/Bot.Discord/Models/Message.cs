namespace Bot.Discord.Models;

/// <summary>A message as Discord returns it.</summary>
public sealed record Message
{
    public required string Id { get; init; }

    public string? ChannelId { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
