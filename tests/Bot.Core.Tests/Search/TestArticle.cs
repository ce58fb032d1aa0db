namespace Bot.Core.Tests.Search;

/// <summary>An article as the search tests store it: only what search reads.</summary>
internal sealed record TestArticle(
    string Title,
    string PlainText,
    DateTimeOffset? Published = null,
    string? Author = null,
    IReadOnlyList<string>? Tags = null,
    string State = "published");
