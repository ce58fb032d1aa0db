using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Sources.Html;

/// <summary>Decodes fetched HTML: the HTTP charset, else the page's own meta charset, else UTF-8.</summary>
public static partial class HtmlText
{
    static HtmlText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? charset)
    {
        ArgumentNullException.ThrowIfNull(body);
        var encoding = Resolve(charset) ?? Resolve(Sniff(body)) ?? Encoding.UTF8;
        var text = encoding.GetString(body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static string? Sniff(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 4096));
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    private static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            // gb2312 pages are nearly always written by GBK encoders; GB18030 reads both.
            return name.Trim().ToLowerInvariant() is "gb2312" or "gbk" or "x-gbk" ? Encoding.GetEncoding("GB18030") : Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<charset>[A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
