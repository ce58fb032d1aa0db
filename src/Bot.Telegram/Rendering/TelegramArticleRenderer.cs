using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Links;
using Bot.Core.Media;

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

    /// <summary>
    /// The article's messages with its archived images: the lead image as a photo whose caption is the
    /// whole text when it fits (1024 characters), else the title and opening followed by the text parts;
    /// with <see cref="DeliveryImageMode.All"/>, the other stored images as albums after the text. Only
    /// images Telegram accepts as photos (10 MB, sides and ratio) go as pictures; the others stay links.
    /// </summary>
    public IReadOnlyList<TelegramPart> Parts(Article article, DeliveryImageMode mode)
    {
        var text = Render(article);
        var photos = article with { Images = [.. article.Images.Where(i => i.Stored is null || Sendable(i.Stored))] };
        var plan = ArticleImagePlan.For(photos, mode, TelegramLimits.MediaGroup);
        if (plan.Lead?.Stored is not { } lead)
        {
            return [.. text.Select(t => new TelegramPart.Text(t))];
        }

        var parts = new List<TelegramPart>();
        var formatted = Format(article, links?.FooterFor(article));
        if (formatted.Text.Trim().Length <= TelegramLimits.Caption)
        {
            parts.Add(new TelegramPart.Photo(lead, TelegramHtmlWriter.Write(formatted)));
        }
        else
        {
            parts.Add(new TelegramPart.Photo(lead, TelegramHtmlWriter.Write(Opening(formatted))));
            parts.AddRange(text.Select(t => new TelegramPart.Text(t)));
        }

        foreach (var album in plan.Albums)
        {
            parts.Add(album.Count == 1
                ? new TelegramPart.Photo(album[0].Stored!, string.Empty)
                : new TelegramPart.Album([.. album.Select(i => i.Stored!)]));
        }

        return parts;
    }

    /// <summary>What sendPhoto takes: at most 10 MB, width + height at most 10,000, a ratio of at most 20.</summary>
    public static bool Sendable(StoredImage image) =>
        image.Bytes <= TelegramLimits.PhotoBytes
        && image.Width + image.Height <= TelegramLimits.PhotoSides
        && Math.Max(image.Width, image.Height) <= TelegramLimits.PhotoRatio * Math.Min(image.Width, image.Height);

    // The head and as much of the body as a caption holds, cut where the splitter cuts messages, with an ellipsis.
    private static FormattedText Opening(FormattedText formatted)
    {
        var first = MessageSplitter.Split(formatted, TelegramLimits.Caption - 2)[0];
        return first.AppendPlain(" …");
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
