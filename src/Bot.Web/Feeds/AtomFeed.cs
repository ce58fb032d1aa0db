using System.Globalization;
using System.Text;
using System.Xml;
using Bot.Core.Articles;
using Bot.Web.Localization;
using Bot.Web.Rendering;
using static Bot.Web.Html.Html;

namespace Bot.Web.Feeds;

/// <summary>Atom 1.0 (RFC 4287): feed id, title, updated, author and self link; each entry with id, title, updated, alternate link and content.</summary>
public sealed class AtomFeed(ArticleHtml html)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private const string Ns = "http://www.w3.org/2005/Atom";

    public string Write(FeedInfo info, IReadOnlyList<Article> articles, WebText text)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, CheckCharacters = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Ns);
            xml.WriteAttributeString("xml", "lang", null, info.Language);
            xml.WriteElementString("id", Ns, info.Self);
            Text(xml, "title", info.Title);
            xml.WriteElementString("updated", Ns, Date(articles.Count > 0 ? articles.Max(FeedInfo.Updated) : info.Now));
            Link(xml, "self", info.Self, "application/atom+xml");
            Link(xml, "alternate", info.Home, "text/html");

            // RFC 4287 4.1.1: a feed without an author needs one on every entry; the site stands in for anonymous articles.
            xml.WriteStartElement("author", Ns);
            Text(xml, "name", info.Title);
            xml.WriteElementString("uri", Ns, info.Base.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", Ns);
            xml.WriteString("bot");
            xml.WriteEndElement();

            foreach (var article in articles)
            {
                var url = info.ArticleUrl(article.Id);
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("id", Ns, url);
                Text(xml, "title", string.IsNullOrWhiteSpace(article.Title) ? "#" + article.Id.ToString(CultureInfo.InvariantCulture) : article.Title.Trim());
                xml.WriteElementString("updated", Ns, Date(FeedInfo.Updated(article)));
                if ((article.Published ?? article.PublishedAt) is { } published)
                {
                    xml.WriteElementString("published", Ns, Date(published));
                }

                Link(xml, "alternate", url, "text/html");
                if (!string.IsNullOrWhiteSpace(article.Author))
                {
                    xml.WriteStartElement("author", Ns);
                    Text(xml, "name", article.Author.Trim());
                    xml.WriteEndElement();
                }

                foreach (var tag in article.Tags)
                {
                    xml.WriteStartElement("category", Ns);
                    xml.WriteAttributeString("term", XmlSafe(tag));
                    xml.WriteEndElement();
                }

                if (!string.IsNullOrWhiteSpace(article.Summary))
                {
                    Text(xml, "summary", article.Summary.Trim());
                }

                xml.WriteStartElement("content", Ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlSafe(info.AbsoluteLinks(html.Body(article, text))));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the bytes served are UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Ns);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
