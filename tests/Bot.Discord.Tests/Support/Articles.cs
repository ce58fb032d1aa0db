using Bot.Core.Articles;

namespace Bot.Discord.Tests.Support;

/// <summary>Articles written for these tests, in the shapes the archive holds.</summary>
public static class Articles
{
    public static Article Make(
        long id = 42,
        string title = "朝鲜与普京的会面",
        string body = "第一段。\n\n第二段。",
        string? author = "记者",
        string? summary = "摘要",
        string? url = "https://example.com/a/42",
        IReadOnlyList<string>? tags = null) => new(
        id,
        "slug-" + id,
        title,
        author,
        new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero),
        null,
        tags ?? ["国际", "外交"],
        [],
        summary,
        url,
        "a.md",
        body,
        body,
        body,
        "hash",
        "zh",
        ArticleState.Published,
        null,
        new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero),
        new Dictionary<string, string>());
}
