using System.Globalization;
using System.Text;
using System.Xml;
using Bot.Core.Archive;

namespace Bot.Web.Feeds;

/// <summary>
/// sitemaps.org 0.9: the home page, the indexes, every article, tag and month. Past 50,000 addresses (the
/// protocol's limit per file) /sitemap.xml becomes an index of /sitemap-1.xml, /sitemap-2.xml…
/// </summary>
public sealed class Sitemap(IArchiveBrowser browser)
{
    public const int PerFile = 50_000;
    public const string ContentType = "application/xml; charset=utf-8";

    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public sealed record Url(string Path, DateTimeOffset? Modified);

    public async Task<IReadOnlyList<Url>> UrlsAsync(CancellationToken ct)
    {
        var all = await browser.NewestAsync(0, int.MaxValue, ct);
        var urls = new List<Url>(all.Entries.Count + 64)
        {
            new("", all.Entries.Count > 0 ? all.Entries.Max(e => e.Modified) : null),
            new("tags", null),
            new("archive", null),
        };
        urls.AddRange(all.Entries.OrderBy(e => e.Id).Select(e => new Url("articles/" + e.Id.ToString(CultureInfo.InvariantCulture), e.Modified)));
        urls.AddRange((await browser.TagsAsync(ct)).Select(t => new Url("tags/" + Uri.EscapeDataString(t.Tag), null)));
        urls.AddRange((await browser.MonthsAsync(ct)).Select(m => new Url($"archive/{m.Year:D4}/{m.Month:D2}", null)));
        return urls;
    }

    public static int Files(int urls) => (urls + PerFile - 1) / PerFile;

    /// <summary>The URL set of one file (part is 1-based), or every address when they fit in one.</summary>
    public static string UrlSet(Uri baseUrl, IReadOnlyList<Url> urls, int part = 1) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Ns);
        foreach (var url in urls.Skip((part - 1) * PerFile).Take(PerFile))
        {
            xml.WriteStartElement("url", Ns);
            xml.WriteElementString("loc", Ns, new Uri(baseUrl, url.Path).AbsoluteUri);
            if (url.Modified is { } modified)
            {
                xml.WriteElementString("lastmod", Ns, modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    public static string Index(Uri baseUrl, int files) => Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Ns);
        for (var i = 1; i <= files; i++)
        {
            xml.WriteStartElement("sitemap", Ns);
            xml.WriteElementString("loc", Ns, new Uri(baseUrl, $"sitemap-{i}.xml").AbsoluteUri);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    private static string Write(Action<XmlWriter> body)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
