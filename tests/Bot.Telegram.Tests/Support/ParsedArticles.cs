using Bot.Core.Articles;

namespace Bot.Telegram.Tests.Support;

public static class ParsedArticles
{
    /// <summary>A parsed file as the store would return it, without a database.</summary>
    public static Article ToArticle(this ParsedArticle p, long id) => new(
        id, p.Slug, p.Title, p.Author, p.Published, p.Updated, p.Tags, p.Categories, p.Summary, p.SourceUrl, p.SourceFile,
        p.Body, p.PlainText, p.Source, p.ContentHash, p.Language, ArticleState.Published, null, p.Published,
        p.Extra);
}
