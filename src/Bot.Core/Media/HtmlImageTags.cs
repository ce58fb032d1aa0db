using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Core.Media;

/// <summary>
/// The images of an HTML fragment (a feed item, a rescued page, HTML inside Markdown): each <c>img</c>
/// tag's lazy-loading <c>data-src</c> first (its <c>src</c> is often a placeholder), then <c>src</c>, then
/// the largest candidate of <c>srcset</c>. A tag scan, not a DOM: attributes are all this needs.
/// </summary>
public static partial class HtmlImageTags
{
    public static IEnumerable<(string Url, string Alt)> Find(string html)
    {
        foreach (Match tag in ImgTag().Matches(html))
        {
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match attribute in Attribute().Matches(tag.Groups[1].Value))
            {
                var value = attribute.Groups[2].Success ? attribute.Groups[2].Value
                    : attribute.Groups[3].Success ? attribute.Groups[3].Value
                    : attribute.Groups[4].Value;
                attributes.TryAdd(attribute.Groups[1].Value, WebUtility.HtmlDecode(value).Trim());
            }

            var url = Usable(attributes.GetValueOrDefault("data-src"))
                ?? Usable(attributes.GetValueOrDefault("src"))
                ?? Usable(Largest(attributes.GetValueOrDefault("srcset") ?? attributes.GetValueOrDefault("data-srcset")));
            if (url is not null)
            {
                yield return (url, attributes.GetValueOrDefault("alt") ?? attributes.GetValueOrDefault("title") ?? string.Empty);
            }
        }
    }

    /// <summary>The srcset candidate with the largest width (or density) descriptor; the first one when none has any.</summary>
    public static string? Largest(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        string? best = null;
        var bestSize = double.MinValue;
        foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = candidate.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var size = pieces.Length == 2 && pieces[1].Length > 1
                && double.TryParse(pieces[1][..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
            if (best is null || size > bestSize)
            {
                best = pieces[0];
                bestSize = size;
            }
        }

        return best;
    }

    // Lazy loaders put a data: or about: placeholder in src and the real address in data-src.
    private static string? Usable(string? url) =>
        string.IsNullOrWhiteSpace(url) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
            ? null
            : url;

    [GeneratedRegex(@"<img\b([^>]*)>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ImgTag();

    [GeneratedRegex("""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Attribute();
}
