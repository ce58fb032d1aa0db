using Bot.Core.Fetching;
using Bot.Core.Sources.Html;

namespace Bot.Core.Sources.Pages;

/// <summary>Fetches a web page through the safe client and extracts its article.</summary>
public sealed class PageFetcher(IFetcher fetcher)
{
    private const string AcceptHtml = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

    public async Task<(ExtractedPage? Page, Uri FinalUrl, string? Error)> FetchAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = await fetcher.FetchAsync(url, new FetchRequest(Accept: AcceptHtml), ct);
        switch (result)
        {
            case FetchFailed failed:
                return (null, url, failed.Message);
            case FetchedBody body:
                if (body.MediaType is { } type && !type.Contains("html", StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal))
                {
                    return (null, body.FinalUrl, $"{body.FinalUrl} is {type}, not a web page");
                }

                var extraction = PageExtractor.Extract(HtmlText.Decode(body.Body, body.Charset), body.FinalUrl);
                return (extraction.Page, body.FinalUrl, extraction.Error);
            default:
                return (null, url, $"{url} answered 304 to a plain request");
        }
    }
}
