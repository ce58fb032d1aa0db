namespace Bot.Core.Articles;

/// <summary>Where an article is in its life: drafts and scheduled ones are visible to admins only.</summary>
public enum ArticleState
{
    Draft,
    Scheduled,
    Published,
    Retracted,
}

/// <summary>An archived article as stored. <see cref="Id"/> is the stable number readers type (/read 42).</summary>
/// <param name="Body">Markdown that is rendered to readers: the source without front matter and publishing boilerplate.</param>
/// <param name="PlainText">Text that is searched: Body without Markdown syntax.</param>
/// <param name="Source">The file exactly as it was imported or posted (front matter and boilerplate included).</param>
/// <param name="Extra">Front-matter keys the parser does not know (misspelled or custom), kept as text.</param>
public sealed record Article(
    long Id,
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
    ArticleState State,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>The images the body references, in its order, stored or not (see <see cref="ArticleImage"/>); read with the article.</summary>
    public IReadOnlyList<ArticleImage> Images { get; init; } = [];

    /// <summary>The feed or folder source the article came from (issue 14), when it did.</summary>
    public long? SourceId { get; init; }

    /// <summary>The first stored image: a delivery's photo and a Discord embed's image.</summary>
    public ArticleImage? LeadImage => Images.FirstOrDefault(i => i.IsStored);
}

/// <summary>A light row for lists (CLI `articles list`, /latest).</summary>
public sealed record ArticleSummary(long Id, string Title, string? Author, DateTimeOffset? Published, IReadOnlyList<string> Tags, string? SourceFile, ArticleState State);

public sealed record TagCount(string Tag, int Count);
