namespace Bot.Core.Search;

/// <summary>Why a query cannot run, precisely enough for UiText to say it in the reader's language.</summary>
public enum SearchProblemKind
{
    /// <summary>Nothing typed.</summary>
    Empty,

    /// <summary>Only punctuation or operators: no letters, digits or Chinese characters.</summary>
    NothingToMatch,

    /// <summary>Only -exclusions, which alone would match everything.</summary>
    OnlyExclusions,

    /// <summary>The whole query is longer than <see cref="SearchProblem.Limit"/> characters.</summary>
    QueryTooLong,

    /// <summary>One term is longer than <see cref="SearchProblem.Limit"/> characters.</summary>
    TermTooLong,

    /// <summary>More than <see cref="SearchProblem.Limit"/> terms.</summary>
    TooManyTerms,

    /// <summary><see cref="SearchProblem.Filter"/>: with nothing after it.</summary>
    FilterNeedsValue,

    /// <summary>-since: or -until:, which mean nothing.</summary>
    FilterCannotBeExcluded,

    /// <summary><see cref="SearchProblem.Filter"/>:<see cref="SearchProblem.Value"/> is not a date.</summary>
    NotADate,
}

/// <param name="Limit">The limit that was passed, for the *TooLong / TooMany kinds.</param>
/// <param name="Filter">The filter's name (tag, author, since, until), for filter kinds.</param>
/// <param name="Value">What the reader wrote after the filter, for <see cref="SearchProblemKind.NotADate"/>.</param>
public sealed record SearchProblem(SearchProblemKind Kind, int Limit = 0, string? Filter = null, string? Value = null)
{
    /// <summary>The coarse category callers branch on.</summary>
    public SearchError Code => Kind switch
    {
        SearchProblemKind.Empty or SearchProblemKind.NothingToMatch => SearchError.EmptyQuery,
        SearchProblemKind.OnlyExclusions => SearchError.NoPositiveTerm,
        SearchProblemKind.QueryTooLong or SearchProblemKind.TermTooLong or SearchProblemKind.TooManyTerms => SearchError.TooLong,
        _ => SearchError.BadFilter,
    };
}
