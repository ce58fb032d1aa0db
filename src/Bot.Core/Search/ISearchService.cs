namespace Bot.Core.Search;

/// <param name="Query">What the reader typed: terms, "phrases", -exclusions, tag:/author:/since:/until: filters.</param>
public sealed record SearchRequest(string Query, int Limit = 5, int Offset = 0);

/// <summary>A range of a snippet that matched a query term, in UTF-16 units.</summary>
public sealed record Highlight(int Start, int Length);

/// <param name="Snippet">About 80 characters of plain text around the first match.</param>
/// <param name="Highlights">Where the snippet matches; adapters render them bold.</param>
public sealed record SearchHit(long ArticleId, string Title, string Snippet, IReadOnlyList<Highlight> Highlights, double Score, DateTimeOffset? Published);

/// <param name="Problem">Set, with no hits, when the query cannot be run (empty, only exclusions…); UiText says it in the reader's language.</param>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, SearchProblem? Problem = null)
{
    public static SearchResult Empty { get; } = new(0, []);

    public SearchError? ErrorCode => Problem?.Code;

    /// <summary>The problem's kind as a word, for logs and tests; readers get UiText's sentence.</summary>
    public string? Error => Problem?.Kind.ToString();
}

public enum SearchError
{
    EmptyQuery,
    NoPositiveTerm,
    BadFilter,

    /// <summary>Longer than a reader would type (the limit is in <see cref="SearchProblem.Limit"/>).</summary>
    TooLong,
}

public interface ISearchService
{
    /// <summary>Runs a reader's query over published articles. Never throws for any input text.</summary>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct);
}
