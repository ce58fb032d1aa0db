using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Articles;

namespace Bot.Core.Parsing;

/// <summary>
/// Parses archived articles: Markdown with optional YAML front matter, or plain-text transcripts (.txt).
/// Front-matter keys it does not know (misspelled or custom) are kept in <see cref="ParsedArticle.Extra"/>.
/// </summary>
public sealed partial class ArticleParser(ImportOptions options) : IArticleParser
{
    private static readonly string[] TitleKeys = ["title"];
    private static readonly string[] AuthorKeys = ["author", "authors"];
    private static readonly string[] PublishedKeys = ["date", "published"];
    private static readonly string[] UpdatedKeys = ["lastmod", "updated", "modified", "last_modified"];
    private static readonly string[] TagKeys = ["tags", "tag"];
    private static readonly string[] CategoryKeys = ["categories", "category"];
    private static readonly string[] SummaryKeys = ["description", "summary", "excerpt"];
    private static readonly string[] SourceUrlKeys = ["source_url", "source", "original_url"];
    private static readonly HashSet<string> KnownKeys = new(
        TitleKeys.Concat(AuthorKeys).Concat(PublishedKeys).Concat(UpdatedKeys).Concat(TagKeys).Concat(CategoryKeys).Concat(SummaryKeys).Concat(SourceUrlKeys),
        StringComparer.OrdinalIgnoreCase);

    public ArticleParser()
        : this(new ImportOptions())
    {
    }

    public ParseResult Parse(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length > options.MaxFileBytes)
        {
            return ParseResult.Fail(new ParseProblem(ParseProblemKind.TooLarge, content.Length, Limit: options.MaxFileBytes));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var text = SourceDecoder.Decode(content, out var problem);
        if (text is null)
        {
            return ParseResult.Fail(problem!);
        }

        try
        {
            return IsPlainText(fileName) ? ParsePlainText(fileName, text, hash) : ParseMarkdown(fileName, text, hash);
        }
        catch (RegexMatchTimeoutException)
        {
            return ParseResult.Fail(new ParseProblem(ParseProblemKind.TooConvoluted));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig or YamlDotNet tripping over pathological input must fail this file only, never the run.
            return ParseResult.Fail(new ParseProblem(ParseProblemKind.Unreadable, Detail: e.Message));
        }
    }

    private static bool IsPlainText(string fileName) =>
        Path.GetExtension(fileName).Equals(".txt", StringComparison.OrdinalIgnoreCase);

    private static ParseResult ParseMarkdown(string fileName, string text, string hash)
    {
        var frontMatter = FrontMatterReader.Read(text, out var problem);
        if (frontMatter is null)
        {
            return ParseResult.Fail(problem!);
        }

        var body = WeChatBoilerplate.Strip(frontMatter.Body);
        var plainText = MarkdownPlainText.Render(body);
        var (bodyAuthor, bodySourceUrl) = BodyAttribution.Find(body);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in frontMatter.Entries)
        {
            if (!KnownKeys.Contains(key))
            {
                extra.TryAdd(key, value.AsText());
            }
        }

        var published = DateField(frontMatter, PublishedKeys, extra);
        var updated = DateField(frontMatter, UpdatedKeys, extra);
        var title = Scalar(frontMatter, TitleKeys) is { Length: > 0 } stated
            ? stated
            : FirstHeading(body) ?? TextLead.Title(plainText) ?? Path.GetFileNameWithoutExtension(fileName);
        title = TextLead.CleanTitle(title);
        var author = Value(frontMatter, AuthorKeys) is { } authorValue && authorValue.AsText() is { Length: > 0 } authorText
            ? authorText
            : bodyAuthor;

        var article = new ParsedArticle(
            Slug: Slugs.From(fileName, title),
            Title: title,
            Author: author,
            Published: published,
            Updated: updated,
            Tags: TagList.From(Value(frontMatter, TagKeys)),
            Categories: TagList.From(Value(frontMatter, CategoryKeys)),
            Summary: Scalar(frontMatter, SummaryKeys) is { Length: > 0 } summary ? summary : TextLead.Summary(plainText),
            SourceUrl: Scalar(frontMatter, SourceUrlKeys) is { Length: > 0 } url ? url : bodySourceUrl,
            SourceFile: fileName,
            Body: body,
            PlainText: plainText,
            Source: text,
            ContentHash: hash,
            Language: LanguageGuess.Of(plainText.Length > 0 ? plainText : title),
            Extra: extra);
        return ParseResult.Ok(article);
    }

    private static ParseResult ParsePlainText(string fileName, string text, string hash)
    {
        var plainText = text.Trim();
        var title = TextLead.CleanTitle(TextLead.Title(plainText) ?? Path.GetFileNameWithoutExtension(fileName));
        // The body is Markdown: escape the transcript so "*" or "#" in it stay literal when rendered.
        var body = LiteralMarkdown.Escape(plainText);
        var article = new ParsedArticle(
            Slug: Slugs.From(fileName, title),
            Title: title,
            Author: null,
            Published: null,
            Updated: null,
            Tags: [],
            Categories: [],
            Summary: TextLead.Summary(plainText),
            SourceUrl: null,
            SourceFile: fileName,
            Body: body,
            PlainText: plainText,
            Source: text,
            ContentHash: hash,
            Language: LanguageGuess.Of(plainText),
            Extra: new Dictionary<string, string>());
        return ParseResult.Ok(article);
    }

    private static FrontMatterValue? Value(FrontMatter frontMatter, string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var entry in frontMatter.Entries)
            {
                if (entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }
        }

        return null;
    }

    private static string? Scalar(FrontMatter frontMatter, string[] keys) => Value(frontMatter, keys)?.AsText().Trim();

    private static DateTimeOffset? DateField(FrontMatter frontMatter, string[] keys, Dictionary<string, string> extra)
    {
        var text = Scalar(frontMatter, keys);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var date = FrontMatterDate.Parse(text);
        if (date is null)
        {
            // Keep what the author wrote so nothing is lost; the article simply has no date.
            extra.TryAdd(keys[0], text);
        }

        return date;
    }

    private static string? FirstHeading(string markdown)
    {
        var match = AtxHeading().Match(markdown);
        return match.Success ? MarkdownPlainText.Render(match.Groups["text"].Value) : null;
    }

    [GeneratedRegex(@"\A(?:[ \t]*\n)*[ \t]{0,3}#{1,6}[ \t]+(?<text>[^\n]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AtxHeading();
}
