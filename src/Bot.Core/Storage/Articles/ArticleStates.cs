using Bot.Core.Articles;

namespace Bot.Core.Storage.Articles;

/// <summary>The text stored in articles.state for each <see cref="ArticleState"/>.</summary>
internal static class ArticleStates
{
    public static string ToText(ArticleState state) => state switch
    {
        ArticleState.Draft => "draft",
        ArticleState.Scheduled => "scheduled",
        ArticleState.Published => "published",
        ArticleState.Retracted => "retracted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown article state"),
    };

    public static ArticleState Parse(string text) => text switch
    {
        "draft" => ArticleState.Draft,
        "scheduled" => ArticleState.Scheduled,
        "published" => ArticleState.Published,
        "retracted" => ArticleState.Retracted,
        _ => throw new InvalidOperationException($"unknown article state '{text}' in the database"),
    };
}
