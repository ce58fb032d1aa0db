using System.Text;
using Bot.Core.Articles;
using Bot.Core.Parsing;

namespace Bot.Core.Tests.Articles;

internal static class TestArticles
{
    private static readonly ArticleParser Parser = new();

    public static ParsedArticle Parse(string sourceFile, string content)
    {
        var result = Parser.Parse(sourceFile, Encoding.UTF8.GetBytes(content));
        Assert.True(result.Succeeded, result.Error);
        return result.Article!;
    }

    public static ParsedArticle Markdown(string sourceFile, string title, string date = "2024-06-26 10:00", string tags = "[朝鲜, 俄罗斯]", string body = "普京访问平壤。") =>
        Parse(sourceFile, $"---\ntitle: {title}\ndate: {date}\ntags: {tags}\ncategories: News\ncustom_key: kept\n---\n\n{body}\n");
}
