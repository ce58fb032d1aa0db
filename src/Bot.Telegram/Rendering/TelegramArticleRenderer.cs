using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Links;

namespace Bot.Telegram.Rendering;

/// <summary>
/// An article as Telegram messages: title, author, date and tags head the first part, then the body,
/// split at the message limit. Deterministic for the same article, so delivery can resume at a part.
/// </summary>
/// <param name="links">The "read on the web" link and backup links under the text, when configured.</param>
public sealed class TelegramArticleRenderer(ArticleLinks? links = null)
{
    private readonly Lock _lock = new();
    private (Article Article, IReadOnlyList<string> Parts)? _last;

    public IReadOnlyList<string> Render(Article article)
    {
        // The delivery worker asks for the part count and then each part of the same article in turn.
        lock (_lock)
        {
            if (_last is { } last && SameContent(last.Article, article))
            {
                return last.Parts;
            }
        }

        var parts = MessageSplitter.Split(Format(article, links?.FooterFor(article))).Select(TelegramHtmlWriter.Write).ToList();
        lock (_lock)
        {
            _last = (article, parts);
        }

        return parts;
    }

    public static FormattedText Format(Article article, ArticleFooter? footer = null)
    {
        var builder = new FormattedTextBuilder();
        var title = builder.Open();
        builder.Append(string.IsNullOrWhiteSpace(article.Title) ? $"#{article.Id}" : article.Title.Trim());
        builder.Close(title, HtmlTag.Bold);

        var meta = new List<string>();
        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            meta.Add(article.Author.Trim());
        }

        if (article.Published is { } published)
        {
            meta.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (meta.Count > 0)
        {
            builder.RequestBreak(1);
            var italic = builder.Open();
            builder.Append(string.Join(" · ", meta));
            builder.Close(italic, HtmlTag.Italic);
        }

        if (article.Tags.Count > 0)
        {
            builder.RequestBreak(1);
            builder.Append(string.Join(' ', article.Tags.Select(Hashtag)));
        }

        builder.RequestBreak(2);
        TelegramMarkdown.Append(builder, article.Body);
        AppendFooter(builder, footer);
        return builder.Build();
    }

    private static void AppendFooter(FormattedTextBuilder builder, ArticleFooter? footer)
    {
        if (footer is null || footer.IsEmpty)
        {
            return;
        }

        builder.RequestBreak(2);
        if (footer.WebUrl is { } web)
        {
            var link = builder.Open();
            builder.Append(footer.WebLabel);
            builder.Close(link, HtmlTag.Link(web.AbsoluteUri));
            builder.RequestBreak(1);
        }

        if (footer.Backups.Count > 0)
        {
            builder.Append(footer.BackupLabel + ": ");
            for (var i = 0; i < footer.Backups.Count; i++)
            {
                builder.Append(i > 0 ? " · " : null);
                var link = builder.Open();
                builder.Append(footer.Backups[i].Label);
                builder.Close(link, HtmlTag.Link(footer.Backups[i].Url.AbsoluteUri));
            }
        }
    }

    private static string Hashtag(string tag) =>
        "#" + string.Concat(tag.Trim().Select(c => char.IsLetterOrDigit(c) ? c : '_'));

    private static bool SameContent(Article a, Article b) =>
        a.Id == b.Id && a.ContentHash == b.ContentHash && a.Title == b.Title && a.Author == b.Author
        && a.Published == b.Published && a.Body == b.Body && a.Tags.SequenceEqual(b.Tags);
}
