namespace Bot.Discord.Models;

public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public int? Color { get; init; }

    public EmbedAuthor? Author { get; init; }

    public EmbedFooter? Footer { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    /// <summary>The large picture under the text: an https URL, or <c>attachment://name</c> of a file uploaded with the message.</summary>
    public EmbedImage? Image { get; init; }
}
