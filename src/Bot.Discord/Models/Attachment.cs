namespace Bot.Discord.Models;

public sealed record Attachment
{
    public required string Id { get; init; }

    public required string Filename { get; init; }

    public long Size { get; init; }

    public required string Url { get; init; }

    public string? ContentType { get; init; }
}
