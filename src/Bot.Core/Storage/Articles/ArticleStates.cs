using Bot.Core.Articles;

namespace Bot.Core.Storage.Articles;

/// <summary>
/// The text stored in articles.state for each <see cref="ArticleState"/>. SQL names a state through these
/// constants, interpolated as literals rather than bound as parameters: the partial index on published
/// articles is only used when the query's WHERE repeats its literal.
/// </summary>
internal static class ArticleStates
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Retracted = "retracted";

    public static string ToText(ArticleState state) => state switch
    {
        ArticleState.Draft => Draft,
        ArticleState.Scheduled => Scheduled,
        ArticleState.Published => Published,
        ArticleState.Retracted => Retracted,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown article state"),
    };

    public static ArticleState Parse(string text) => text switch
    {
        Draft => ArticleState.Draft,
        Scheduled => ArticleState.Scheduled,
        Published => ArticleState.Published,
        Retracted => ArticleState.Retracted,
        _ => throw new InvalidOperationException($"unknown article state '{text}' in the database"),
    };
}
