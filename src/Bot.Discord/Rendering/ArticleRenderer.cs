using System.Text.RegularExpressions;
using Bot.Core.Articles;
using Bot.Core.Links;
using Bot.Core.Rendering;
using Bot.Discord.Models;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rendering;

/// <summary>
/// An article on Discord: part 0 is an embed with the head (title linking to the source, author,
/// time, tags, summary), then the text in messages of at most 2000 characters.
/// </summary>
/// <param name="links">The "read on the web" link and backup links under the text, when configured.</param>
public sealed partial class ArticleRenderer(IOptions<DiscordOptions> options, ArticleLinks? links = null)
{
    public IReadOnlyList<MessagePayload> Render(Article article)
    {
        var parts = new List<MessagePayload> { new() { Embeds = [Head(article)] } };
        var text = DiscordMarkdown.FromArticle(article.Body) + Footer(links?.FooterFor(article));
        if (text.Trim().Length > 0)
        {
            parts.AddRange(TextSplitter.Split(text, EmbedLimits.MessageContent).Select(part => new MessagePayload { Content = part }));
        }

        return parts;
    }

    public Embed Head(Article article)
    {
        var title = EmbedLimits.Truncate(OneLine(article.Title) is { Length: > 0 } t ? t : $"#{article.Id}", EmbedLimits.Title);
        var author = string.IsNullOrWhiteSpace(article.Author) ? null : new EmbedAuthor(EmbedLimits.Truncate(OneLine(article.Author), EmbedLimits.AuthorName));
        var footer = $"#{article.Id}" + (article.Tags.Count > 0 ? " · " + string.Join(' ', article.Tags.Select(tag => "#" + tag)) : string.Empty);

        // Title, author and footer are short; the summary gets what is left of the 6000 total.
        footer = EmbedLimits.Truncate(footer, Math.Min(EmbedLimits.FooterText, 1000));
        var room = EmbedLimits.Total - title.Length - (author?.Name.Length ?? 0) - footer.Length;
        var summary = string.IsNullOrWhiteSpace(article.Summary)
            ? null
            : EmbedLimits.Truncate(DiscordMarkdown.FromArticle(article.Summary.Trim()), Math.Min(EmbedLimits.Description, room));

        return new Embed
        {
            Title = title,
            Url = IsWebUrl(article.SourceUrl) ? article.SourceUrl : null,
            Author = author,
            Description = summary,
            Timestamp = article.Published ?? article.PublishedAt,
            Color = options.Value.EmbedColor,
            Footer = new EmbedFooter(footer),
        };
    }

    /// <summary>Masked links in angle brackets, so Discord shows no preview card for each.</summary>
    public static string Footer(ArticleFooter? footer)
    {
        if (footer is null || footer.IsEmpty)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder("\n");
        if (footer.WebUrl is { } web)
        {
            text.Append("\n[").Append(MarkdownText.Escape(footer.WebLabel)).Append("](<").Append(web.AbsoluteUri).Append(">)");
        }

        if (footer.Backups.Count > 0)
        {
            text.Append('\n').Append(MarkdownText.Escape(footer.BackupLabel)).Append(": ")
                .AppendJoin(" · ", footer.Backups.Select(b => "[" + MarkdownText.Escape(b.Label) + "](<" + b.Url.AbsoluteUri + ">)"));
        }

        return text.ToString();
    }

    /// <summary>The total of an embed's texts as Discord counts it against the 6000 limit.</summary>
    public static int TotalLength(Embed embed) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Author?.Name.Length ?? 0)
        + (embed.Footer?.Text.Length ?? 0) + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
