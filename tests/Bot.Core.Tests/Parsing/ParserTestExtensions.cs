using System.Text;
using Bot.Core.Articles;
using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

internal static class ParserTestExtensions
{
    public static ParsedArticle ParseOk(this ArticleParser parser, string fileName, string content)
    {
        var result = parser.Parse(fileName, Encoding.UTF8.GetBytes(content));
        Assert.True(result.Succeeded, $"expected {fileName} to parse, got: {result.Error}");
        return result.Article!;
    }

    public static string ParseError(this ArticleParser parser, string fileName, byte[] content)
    {
        var result = parser.Parse(fileName, content);
        Assert.False(result.Succeeded, $"expected {fileName} to be refused");
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        return result.Error!;
    }
}
