using Bot.Core.Articles;

namespace Bot.Telegram.Tests.Support;

public static class SampleArticles
{
    public static Article Make(long id = 42, string title = "朝鲜与普京", string body = "正文第一段。\n\n第二段 **重点**。", IReadOnlyList<string>? tags = null) => new(
        id,
        "slug-" + id,
        title,
        "作者",
        new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        null,
        tags ?? ["国际", "俄罗斯"],
        [],
        null,
        null,
        null,
        body,
        body,
        body,
        "hash-" + body.GetHashCode(StringComparison.Ordinal),
        "zh",
        ArticleState.Published,
        null,
        null,
        new Dictionary<string, string>());

    /// <summary>About <paramref name="paragraphs"/> × 600 characters of Chinese text in paragraphs.</summary>
    public static Article Lengthy(long id = 43, int paragraphs = 20) =>
        Make(id, "长文章 <script>", string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"第{i}段：" + string.Concat(Enumerable.Repeat("这是很长的一句话，用来测试分割。", 40)))));
}
