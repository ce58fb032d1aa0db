using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Articles;
using Bot.Web.Localization;
using Bot.Web.Rendering;

namespace Bot.Web.Feeds;

/// <summary>JSON Feed 1.1 (jsonfeed.org/version/1.1): version, title, home_page_url, feed_url; items with id, url, title and content_html.</summary>
public sealed class JsonFeed(ArticleHtml html)
{
    public const string ContentType = "application/feed+json; charset=utf-8";

    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Write(FeedInfo info, IReadOnlyList<Article> articles, WebText text)
    {
        var items = new JsonArray();
        foreach (var article in articles)
        {
            var url = info.ArticleUrl(article.Id);
            var item = new JsonObject
            {
                ["id"] = url,
                ["url"] = url,
                ["title"] = S(string.IsNullOrWhiteSpace(article.Title) ? "#" + article.Id.ToString(CultureInfo.InvariantCulture) : article.Title.Trim()),
                ["content_html"] = S(info.AbsoluteLinks(html.Body(article, text))),
            };
            if (!string.IsNullOrWhiteSpace(article.Summary))
            {
                item["summary"] = S(article.Summary.Trim());
            }

            if ((article.Published ?? article.PublishedAt) is { } published)
            {
                item["date_published"] = Date(published);
            }

            if (article.Updated is { } updated)
            {
                item["date_modified"] = Date(updated);
            }

            if (!string.IsNullOrWhiteSpace(article.Author))
            {
                item["authors"] = new JsonArray(new JsonObject { ["name"] = S(article.Author.Trim()) });
            }

            if (article.Tags.Count > 0)
            {
                item["tags"] = new JsonArray([.. article.Tags.Select(t => JsonValue.Create(S(t)))]);
            }

            if (Uri.TryCreate(article.SourceUrl, UriKind.Absolute, out var source) && (source.Scheme == Uri.UriSchemeHttps || source.Scheme == Uri.UriSchemeHttp))
            {
                item["external_url"] = source.AbsoluteUri;
            }

            item["language"] = article.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
            items.Add(item);
        }

        var feed = new JsonObject
        {
            ["version"] = Version,
            ["title"] = S(info.Title),
            ["home_page_url"] = info.Home,
            ["feed_url"] = info.Self,
            ["language"] = info.Language,
            ["authors"] = new JsonArray(new JsonObject { ["name"] = info.Title, ["url"] = info.Base.AbsoluteUri }),
            ["items"] = items,
        };
        return feed.ToJsonString(Options);
    }

    /// <summary>Lone surrogates and control characters from an odd article would make the JSON invalid for strict readers.</summary>
    private static string S(string value) => Html.Html.XmlSafe(value);

    private static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
