using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Bot.Core.Sources.Feeds;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 1.0 and JSON Feed 1.0/1.1 into one shape. XML is read by the BCL's
/// XmlReader, which honours the encoding the document declares (GBK, GB18030, Big5… once the code-pages
/// provider is registered) and is told to ignore DTDs, so entity tricks cannot expand or reach files.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    static FeedParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="charset">The charset of the HTTP Content-Type, used when the document declares none.</param>
    public static FeedParseResult Parse(ReadOnlySpan<byte> body, string? charset)
    {
        var start = FirstSignificant(body);
        if (start < 0)
        {
            return new FeedParseResult(null, "the response is empty");
        }

        try
        {
            return body[start] == (byte)'{'
                ? ParseJson(body)
                : ParseXml(body.ToArray(), charset);
        }
        catch (XmlException e)
        {
            return new FeedParseResult(null, $"not a valid feed: {e.Message}");
        }
        catch (JsonException e)
        {
            return new FeedParseResult(null, $"not a valid JSON Feed: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            return new FeedParseResult(null, $"cannot read the feed's text: {e.Message}");
        }
    }

    private static int FirstSignificant(ReadOnlySpan<byte> body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return i;
            }
        }

        return -1;
    }

    private static FeedParseResult ParseXml(byte[] body, string? charset)
    {
        var document = LoadXml(body, charset);
        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" => Ok(Rss(root.Element("channel"), root.Elements("item"), $"RSS {root.Attribute("version")?.Value ?? "2.0"}")),
            // RSS 0.90 and 1.0 put items beside the channel, in the RDF namespace family.
            "RDF" => Ok(Rss(root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel"),
                root.Elements().Where(e => e.Name.LocalName == "item"), root.Name.Namespace == Rdf && root.Elements(Rss090 + "item").Any() ? "RSS 0.90" : "RSS 1.0")),
            "feed" when root.Name.Namespace == Atom || root.Name.Namespace == XNamespace.None => Ok(AtomFeed(root)),
            "html" or "HTML" => new FeedParseResult(null, "this is an HTML page, not a feed"),
            _ => new FeedParseResult(null, $"not a feed: the document is <{root.Name.LocalName}>"),
        };
    }

    private static FeedParseResult Ok(FeedDocument feed) => new(feed, null);

    private static XDocument LoadXml(byte[] body, string? charset)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };
        var declares = DeclaresEncoding(body);
        if (declares || charset is null)
        {
            try
            {
                using var stream = new MemoryStream(body, writable: false);
                using var reader = XmlReader.Create(stream, settings);
                return XDocument.Load(reader, LoadOptions.None);
            }
            catch (XmlException) when (!declares)
            {
                // Fall through: maybe an HTML entity such as &nbsp; in a feed written by hand.
            }
        }

        var encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim());
        var text = ReplaceHtmlEntities(encoding.GetString(body));
        using var textReader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(textReader, LoadOptions.None);
    }

    private static bool DeclaresEncoding(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 200)]);
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        return head.Contains("<?xml", StringComparison.Ordinal) && end > 0 && head[..end].Contains("encoding", StringComparison.Ordinal);
    }

    /// <summary>HTML entity names are not XML; hand-written feeds use the common ones anyway.</summary>
    private static string ReplaceHtmlEntities(string text) => text
        .Replace("&nbsp;", "&#160;", StringComparison.Ordinal)
        .Replace("&copy;", "&#169;", StringComparison.Ordinal)
        .Replace("&mdash;", "&#8212;", StringComparison.Ordinal)
        .Replace("&ndash;", "&#8211;", StringComparison.Ordinal)
        .Replace("&hellip;", "&#8230;", StringComparison.Ordinal)
        .Replace("&ldquo;", "&#8220;", StringComparison.Ordinal)
        .Replace("&rdquo;", "&#8221;", StringComparison.Ordinal);

    private static FeedDocument Rss(XElement? channel, IEnumerable<XElement> outsideItems, string format)
    {
        var items = (channel?.Elements().Where(e => e.Name.LocalName == "item") ?? []).Concat(outsideItems);
        var entries = items.Select(item =>
        {
            var guid = Child(item, "guid");
            var link = Child(item, "link") ?? item.Attribute(Rdf + "about")?.Value;
            if (link is null && item.Element("guid") is { } g && g.Attribute("isPermaLink")?.Value != "false" && Uri.IsWellFormedUriString(guid, UriKind.Absolute))
            {
                link = guid;
            }

            return new FeedEntry(
                Id: guid ?? item.Attribute(Rdf + "about")?.Value,
                Link: link,
                Title: Child(item, "title"),
                Author: Text(item.Element(Dc + "creator")) ?? Child(item, "author"),
                Published: FeedDates.Parse(Child(item, "pubDate") ?? Text(item.Element(Dc + "date"))),
                Updated: null,
                Categories: [.. item.Elements().Where(e => e.Name.LocalName == "category" || e.Name == Dc + "subject")
                    .Select(e => e.Value.Trim()).Where(v => v.Length > 0)],
                ContentHtml: Text(item.Element(Content + "encoded")),
                SummaryHtml: Child(item, "description"),
                ContentText: null);
        }).ToList();

        var ttl = int.TryParse(Child(channel, "ttl"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : (TimeSpan?)null;
        var skipHours = channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "skipHours")?.Elements()
            .Select(h => int.TryParse(h.Value.Trim(), CultureInfo.InvariantCulture, out var hour) ? hour : -1)
            .Where(h => h is >= 0 and <= 24)
            .Select(h => h % 24)
            .ToHashSet() ?? [];
        return new FeedDocument(format, Child(channel, "title"), Child(channel, "link"), ttl, skipHours, entries);
    }

    private static FeedDocument AtomFeed(XElement feed)
    {
        var ns = feed.Name.Namespace;
        var feedAuthor = Text(feed.Element(ns + "author")?.Element(ns + "name"));
        var entries = feed.Elements(ns + "entry").Select(entry =>
        {
            var content = entry.Element(ns + "content");
            return new FeedEntry(
                Id: Text(entry.Element(ns + "id")),
                Link: AtomLink(entry, ns),
                Title: AtomText(entry.Element(ns + "title"), asHtml: false),
                Author: string.Join(", ", entry.Elements(ns + "author").Select(a => Text(a.Element(ns + "name"))).OfType<string>()) is { Length: > 0 } names ? names : feedAuthor,
                Published: FeedDates.Parse(Text(entry.Element(ns + "published")) ?? Text(entry.Element(ns + "issued"))),
                Updated: FeedDates.Parse(Text(entry.Element(ns + "updated")) ?? Text(entry.Element(ns + "modified"))),
                Categories: [.. entry.Elements(ns + "category").Select(c => (c.Attribute("label")?.Value ?? c.Attribute("term")?.Value ?? string.Empty).Trim()).Where(v => v.Length > 0)],
                ContentHtml: content?.Attribute("src") is null ? AtomText(content, asHtml: true) : null,
                SummaryHtml: AtomText(entry.Element(ns + "summary"), asHtml: true),
                ContentText: null);
        }).ToList();
        return new FeedDocument("Atom 1.0", AtomText(feed.Element(ns + "title"), asHtml: false), AtomLink(feed, ns), null, new HashSet<int>(), entries);
    }

    private static string? AtomLink(XElement element, XNamespace ns)
    {
        var links = element.Elements(ns + "link").ToList();
        var alternate = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate") ?? links.FirstOrDefault();
        var href = alternate?.Attribute("href")?.Value.Trim();
        var xmlBase = element.AncestorsAndSelf().Select(e => e.Attribute(XNamespace.Xml + "base")?.Value).FirstOrDefault(b => b is not null);
        return href is not null && xmlBase is not null && Uri.TryCreate(xmlBase, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, href, out var absolute)
            ? absolute.AbsoluteUri
            : href;
    }

    /// <summary>Atom text constructs: text is escaped to HTML when HTML is wanted; xhtml is the inner markup of its div.</summary>
    private static string? AtomText(XElement? element, bool asHtml)
    {
        if (element is null)
        {
            return null;
        }

        var type = element.Attribute("type")?.Value ?? "text";
        if (type == "xhtml")
        {
            var div = element.Elements().FirstOrDefault() ?? element;
            var markup = string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return asHtml ? markup : System.Net.WebUtility.HtmlDecode(StripTags(markup)).Trim();
        }

        var value = element.Value.Trim();
        if (type is "html" or "text/html")
        {
            return asHtml ? value : System.Net.WebUtility.HtmlDecode(StripTags(value)).Trim();
        }

        return asHtml ? System.Net.WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal) : value;
    }

    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Child(XElement? parent, string localName) =>
        Text(parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.Namespace == XNamespace.None || e.Name.Namespace == Rss10 || e.Name.Namespace == Rss090)));

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static FeedParseResult ParseJson(ReadOnlySpan<byte> body)
    {
        using var json = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
        var root = json.RootElement;
        var version = Str(root, "version");
        if (root.ValueKind != JsonValueKind.Object || version is null || !version.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
        {
            return new FeedParseResult(null, "JSON without a jsonfeed.org version is not a JSON Feed");
        }

        var feedAuthor = JsonAuthor(root);
        var entries = new List<FeedEntry>();
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                entries.Add(new FeedEntry(
                    Id: item.TryGetProperty("id", out var id) ? (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()) : null,
                    Link: Str(item, "url") ?? Str(item, "external_url"),
                    Title: Str(item, "title"),
                    Author: JsonAuthor(item) ?? feedAuthor,
                    Published: FeedDates.Parse(Str(item, "date_published")),
                    Updated: FeedDates.Parse(Str(item, "date_modified")),
                    Categories: item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                        ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0)]
                        : [],
                    ContentHtml: Str(item, "content_html"),
                    SummaryHtml: Str(item, "summary") is { } summary ? System.Net.WebUtility.HtmlEncode(summary) : null,
                    ContentText: Str(item, "content_text")));
            }
        }

        return Ok(new FeedDocument($"JSON Feed {version[^3..]}", Str(root, "title"), Str(root, "home_page_url"), null, new HashSet<int>(), entries));
    }

    private static string? JsonAuthor(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => Str(a, "name")).OfType<string>().ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? Str(author, "name") : null;
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;
}
