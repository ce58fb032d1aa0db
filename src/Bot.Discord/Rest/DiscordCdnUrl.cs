using System.Globalization;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord's attachment CDN URLs are signed: <c>ex</c> is the hex unix time (seconds) the link expires,
/// <c>is</c> when it was issued, <c>hm</c> the signature (API reference, "Signed Attachment CDN URLs").
/// </summary>
public static class DiscordCdnUrl
{
    /// <summary>When the URL expires, or null for an unsigned URL (or one whose <c>ex</c> is not hex).</summary>
    public static DateTimeOffset? ExpiresAt(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0
                && pair.AsSpan(0, equals).SequenceEqual("ex")
                && long.TryParse(pair.AsSpan(equals + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seconds)
                && seconds is > 0 and < 253_402_300_800)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }

    /// <summary>Whether Discord can show it as an embed image: an absolute http(s) URL, not an <c>attachment://</c> reference.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
