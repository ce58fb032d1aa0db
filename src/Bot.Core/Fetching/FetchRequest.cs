namespace Bot.Core.Fetching;

/// <summary>
/// What to ask for beyond the URL: validators from the last fetch for a conditional GET, an Accept
/// header, and a tighter byte limit than <c>Fetch:MaxBytes</c> (never a looser one).
/// </summary>
public sealed record FetchRequest(
    string? Accept = null,
    string? IfNoneMatch = null,
    DateTimeOffset? IfModifiedSince = null,
    long? MaxBytes = null)
{
    public static FetchRequest Default { get; } = new();
}
