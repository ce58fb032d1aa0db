namespace Bot.Core.Sources.Pages;

/// <summary>The article found in a web page: its Markdown body and what the page says about it.</summary>
public sealed record ExtractedPage(
    string Title,
    string? Author,
    DateTimeOffset? Published,
    string Markdown,
    string? Excerpt,
    IReadOnlyList<string> Tags,
    string Html);

/// <summary>An extracted page, or why there is no article in it.</summary>
public sealed record PageExtraction(ExtractedPage? Page, string? Error);
