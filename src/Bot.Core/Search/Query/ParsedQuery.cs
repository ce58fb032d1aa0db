namespace Bot.Core.Search.Query;

/// <summary>A reader's query taken apart; <see cref="Problem"/> is set when it cannot run.</summary>
public sealed record ParsedQuery(
    IReadOnlyList<QueryTerm> Include,
    IReadOnlyList<QueryTerm> Exclude,
    SearchFilters Filters,
    SearchProblem? Problem = null)
{
    public static ParsedQuery Fail(SearchProblem problem) =>
        new([], [], new SearchFilters([], [], [], [], null, null), problem);
}
