namespace Bot.Core.Search.Query;

/// <summary>A reader's query taken apart; <see cref="Error"/> is set when it cannot run.</summary>
public sealed record ParsedQuery(
    IReadOnlyList<QueryTerm> Include,
    IReadOnlyList<QueryTerm> Exclude,
    SearchFilters Filters,
    SearchError? Error = null,
    string? Message = null)
{
    public static ParsedQuery Fail(SearchError error, string message) =>
        new([], [], new SearchFilters([], [], [], [], null, null), error, message);
}
