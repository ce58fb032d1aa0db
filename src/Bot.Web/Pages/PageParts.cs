using System.Globalization;
using System.Text;
using Bot.Core.Archive;
using Bot.Core.Search;
using Bot.Web.Localization;
using static Bot.Web.Html.Html;

namespace Bot.Web.Pages;

/// <summary>Pieces several pages share: a list of articles, a pager, a tag list, a date.</summary>
internal static class PageParts
{
    public static void Entries(StringBuilder html, PageContext context, IReadOnlyList<ArchiveEntry> entries)
    {
        if (entries.Count == 0)
        {
            html.Append("<p>").Append(Encode(context.Text.NoArticles)).Append("</p>\n");
            return;
        }

        html.Append("<ol class=\"entries\">\n");
        foreach (var entry in entries)
        {
            html.Append("<li><h2><a href=\"").Append(Encode(context.Links.Article(entry.Id))).Append("\">").Append(Encode(TitleOf(entry.Title, entry.Id))).Append("</a></h2>\n");
            Meta(html, context, entry.Published, entry.Author);
            if (entry.Lead.Length > 0)
            {
                html.Append("<p class=\"lead\">").Append(Encode(Lead(entry.Lead))).Append("</p>\n");
            }

            Tags(html, context, entry.Tags);
            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
    }

    public static void Meta(StringBuilder html, PageContext context, DateTimeOffset? published, string? author)
    {
        if (published is null && string.IsNullOrWhiteSpace(author))
        {
            return;
        }

        html.Append("<p class=\"meta\">");
        if (published is { } date)
        {
            html.Append("<time datetime=\"").Append(date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\">")
                .Append(WebText.Date(date)).Append("</time>");
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            html.Append(published is null ? string.Empty : " · ").Append(Encode(author.Trim()));
        }

        html.Append("</p>\n");
    }

    public static void Tags(StringBuilder html, PageContext context, IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"tags\">");
        foreach (var tag in tags)
        {
            html.Append("<li><a href=\"").Append(Encode(context.Links.Tag(tag))).Append("\">#").Append(Encode(tag)).Append("</a></li>");
        }

        html.Append("</ul>\n");
    }

    /// <param name="link">The address of page n.</param>
    public static void Pager(StringBuilder html, PageContext context, int page, int total, int pageSize, Func<int, string?> link)
    {
        var pages = Pages(total, pageSize);
        if (pages <= 1)
        {
            return;
        }

        html.Append("<nav class=\"pager\">");
        html.Append(page > 1 && link(page - 1) is { } previous
            ? "<a rel=\"prev\" href=\"" + Encode(previous) + "\">" + Encode(context.Text.Previous) + "</a>"
            : "<span></span>");
        html.Append("<span>").Append(Encode(context.Text.PageOf(page, pages))).Append("</span>");
        html.Append(page < pages && link(page + 1) is { } next
            ? "<a rel=\"next\" href=\"" + Encode(next) + "\">" + Encode(context.Text.Next) + "</a>"
            : "<span></span>");
        html.Append("</nav>\n");
    }

    public static int Pages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>A snippet with its matches marked; the highlight ranges are UTF-16 offsets into the snippet.</summary>
    public static string Highlighted(string snippet, IReadOnlyList<Highlight> highlights)
    {
        var html = new StringBuilder(snippet.Length + highlights.Count * 13);
        var at = 0;
        foreach (var highlight in highlights.OrderBy(h => h.Start))
        {
            var start = Math.Clamp(highlight.Start, at, snippet.Length);
            var end = Math.Clamp(highlight.Start + highlight.Length, start, snippet.Length);
            html.Append(Encode(snippet[at..start])).Append("<mark>").Append(Encode(snippet[start..end])).Append("</mark>");
            at = end;
        }

        return html.Append(Encode(snippet[at..])).ToString();
    }

    public static string TitleOf(string title, long id) => string.IsNullOrWhiteSpace(title) ? "#" + id.ToString(CultureInfo.InvariantCulture) : title.Trim();

    private static string Lead(string lead)
    {
        var line = string.Join(' ', lead.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length <= 160)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[159]) ? 159 : 160;
        return line[..cut] + "…";
    }
}
