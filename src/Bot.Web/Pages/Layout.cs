using System.Text;
using static Bot.Web.Html.Html;

namespace Bot.Web.Pages;

/// <summary>Optional head tags of a page: a description and Open Graph tags so a shared link previews well.</summary>
public sealed record PageMeta(string? Description = null, string? CanonicalPath = null, IReadOnlyList<(string Property, string Content)>? OpenGraph = null, bool NoIndex = false);

/// <summary>The frame of every page: head, header with navigation and search, footer with backup links and feeds.</summary>
public static class Layout
{
    public static string Page(PageContext context, string title, string main, PageMeta? meta = null, string? searchValue = null)
    {
        var text = context.Text;
        var links = context.Links;
        var page = new StringBuilder(main.Length + 4096);
        page.Append("<!doctype html>\n<html lang=\"").Append(text.Code).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n")
            .Append("<title>").Append(Encode(title == context.SiteTitle ? title : title + " · " + context.SiteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(links.Style())).Append("\">\n")
            .Append("<link rel=\"icon\" href=\"").Append(Encode(links.Icon())).Append("\" type=\"image/svg+xml\">\n");
        if (context.HasFeeds)
        {
            page.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(Encode(context.SiteTitle)).Append(" (Atom)\" href=\"").Append(Encode(links.Feed(FeedKind.Atom))).Append("\">\n")
                .Append("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").Append(Encode(context.SiteTitle)).Append(" (JSON Feed)\" href=\"").Append(Encode(links.Feed(FeedKind.Json))).Append("\">\n");
        }

        if (meta?.Description is { Length: > 0 } description)
        {
            page.Append("<meta name=\"description\" content=\"").Append(Encode(description)).Append("\">\n");
        }

        if (meta?.CanonicalPath is { } canonical && context.Absolute(canonical) is { } url)
        {
            page.Append("<link rel=\"canonical\" href=\"").Append(Encode(url)).Append("\">\n");
        }

        if (meta?.NoIndex == true)
        {
            page.Append("<meta name=\"robots\" content=\"noindex\">\n");
        }

        foreach (var (property, content) in meta?.OpenGraph ?? [])
        {
            page.Append("<meta property=\"").Append(Encode(property)).Append("\" content=\"").Append(Encode(content)).Append("\">\n");
        }

        page.Append("</head>\n<body>\n<header class=\"site\">\n")
            .Append("<a class=\"brand\" href=\"").Append(Encode(links.Home())).Append("\">").Append(Encode(context.SiteTitle)).Append("</a>\n")
            .Append("<nav>")
            .Append("<a href=\"").Append(Encode(links.Home())).Append("\">").Append(Encode(text.Newest)).Append("</a>")
            .Append("<a href=\"").Append(Encode(links.Tags())).Append("\">").Append(Encode(text.Tags)).Append("</a>")
            .Append("<a href=\"").Append(Encode(links.Archive())).Append("\">").Append(Encode(text.Archive)).Append("</a>")
            .Append("</nav>\n");
        SearchForm(page, context, searchValue);
        page.Append("</header>\n<main>\n").Append(main).Append("</main>\n");
        Footer(page, context);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void SearchForm(StringBuilder page, PageContext context, string? value)
    {
        var text = context.Text;
        if (!context.Links.IsStatic)
        {
            page.Append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").Append(Encode(context.Links.Search())).Append("\">")
                .Append("<input type=\"search\" name=\"q\" maxlength=\"500\" aria-label=\"").Append(Encode(text.Search)).Append("\" placeholder=\"").Append(Encode(text.SearchPlaceholder)).Append('"')
                .Append(value is null ? string.Empty : " value=\"" + Encode(value) + "\"").Append('>')
                .Append("<button type=\"submit\">").Append(Encode(text.Search)).Append("</button></form>\n");
        }
        else if (context.Links.Search() is { } live)
        {
            // A static copy has no server to search with: send the reader to the live site, said plainly.
            page.Append("<p class=\"meta\">").Append(Encode(text.StaticCopy)).Append(" <a href=\"").Append(Encode(live)).Append("\">").Append(Encode(text.SearchOnLiveSite)).Append("</a></p>\n");
        }
        else
        {
            page.Append("<p class=\"meta\">").Append(Encode(text.StaticCopy)).Append(' ').Append(Encode(text.SearchOnLiveSite)).Append(".</p>\n");
        }
    }

    private static void Footer(StringBuilder page, PageContext context)
    {
        var text = context.Text;
        page.Append("<footer class=\"site\">\n");
        if (context.Backups.Count > 0)
        {
            page.Append("<p>").Append(Encode(text.BackupLinks)).Append(":</p>\n<ul class=\"backup\">\n");
            foreach (var backup in context.Backups)
            {
                page.Append("<li><a href=\"").Append(Encode(backup.Url.AbsoluteUri)).Append("\" rel=\"noopener\">").Append(Encode(backup.Label)).Append("</a> <span>")
                    .Append(Encode(backup.Url.AbsoluteUri)).Append("</span></li>\n");
            }

            page.Append("</ul>\n");
        }

        if (context.HasFeeds)
        {
            page.Append("<p>").Append(Encode(text.Feeds)).Append(": <a href=\"").Append(Encode(context.Links.Feed(FeedKind.Atom))).Append("\">Atom</a> · <a href=\"")
                .Append(Encode(context.Links.Feed(FeedKind.Json))).Append("\">JSON Feed</a></p>\n");
        }

        page.Append("</footer>\n");
    }
}
