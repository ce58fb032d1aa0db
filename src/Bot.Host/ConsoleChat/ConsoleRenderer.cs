using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Markdig;

namespace Bot.Host.ConsoleChat;

/// <summary>Core's replies as plain terminal text; buttons become "/press …" lines the user can type.</summary>
public static class ConsoleRenderer
{
    /// <summary>A preview shows about one Telegram message worth of text.</summary>
    private const int PreviewLength = 1000;

    public static string Render(Reply reply) => reply switch
    {
        Reply.Text text => Text(text),
        Reply.ArticleView view => Article(view.Article, view.MaxParts is not null),
        _ => string.Empty,
    };

    public static string Article(Article article, bool preview)
    {
        var text = new StringBuilder();
        text.Append('#').Append(article.Id).Append("  ").AppendLine(article.Title);
        var meta = new List<string>();
        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            meta.Add(article.Author);
        }

        if (article.Published is { } published)
        {
            meta.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (article.Tags.Count > 0)
        {
            meta.Add(string.Join(' ', article.Tags.Select(t => "#" + t)));
        }

        if (meta.Count > 0)
        {
            text.AppendLine(string.Join(" · ", meta));
        }

        text.AppendLine();
        var body = ConsoleImages.PlainText(article).Trim();
        if (preview && body.Length > PreviewLength)
        {
            body = body[..PreviewLength] + "…";
        }

        text.Append(body);
        if (!string.IsNullOrWhiteSpace(article.SourceUrl))
        {
            text.AppendLine().AppendLine().Append(article.SourceUrl);
        }

        return text.ToString();
    }

    private static string Text(Reply.Text reply)
    {
        var text = new StringBuilder(Markdown.ToPlainText(reply.Markdown).TrimEnd());
        foreach (var row in reply.Buttons ?? [])
        {
            text.AppendLine();
            text.AppendJoin("   ", row.Select(b => $"[{b.Label}] /press {b.Payload}"));
        }

        return text.ToString();
    }
}
