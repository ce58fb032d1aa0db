namespace Bot.Discord.Models;

/// <summary>Discord's JSON error body; 429s add retry_after (seconds) and global.</summary>
public sealed record ErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
