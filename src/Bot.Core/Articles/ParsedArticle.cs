namespace Bot.Core.Articles;

/// <summary>What the parser makes of one file, before it has an id.</summary>
public sealed record ParsedArticle(
    string Slug,
    string Title,
    string? Author,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    string? Summary,
    string? SourceUrl,
    string? SourceFile,
    string Body,
    string PlainText,
    string Source,
    string ContentHash,
    string Language,
    IReadOnlyDictionary<string, string> Extra);

/// <summary>The result of parsing one file: an article, or a clear reason why the file was refused.</summary>
public sealed record ParseResult(ParsedArticle? Article, ParseProblem? Problem)
{
    public static ParseResult Ok(ParsedArticle article) => new(article, null);

    public static ParseResult Fail(ParseProblem problem) => new(null, problem);

    /// <summary>The reason in English, for the command line and logs.</summary>
    public string? Error => Problem?.English;

    public bool Succeeded => Article is not null;
}

public interface IArticleParser
{
    /// <summary>Parses a Markdown (front matter optional) or plain-text file. Never throws for bad content.</summary>
    /// <param name="fileName">Used for the slug, the fallback title and to tell .txt from .md.</param>
    ParseResult Parse(string fileName, ReadOnlySpan<byte> content);
}
