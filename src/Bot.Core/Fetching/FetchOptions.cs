using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Fetching;

/// <summary>Settings of the one HTTP client for everything fetched from outside (section <c>Fetch</c>).</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>The whole fetch, redirects and body included, must finish within this many seconds.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The most bytes of one response body, counted after decompression while reading.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "ArticleBot/1.0 (+https://github.com/)";

    /// <summary>Redirects followed before the fetch fails.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Lets the bot connect to loopback, private, link-local and other non-public addresses:
    /// for tests and a publisher's site on the same machine or network. Off by default so that a
    /// feed or page URL cannot make the bot reach into the network it runs in.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
