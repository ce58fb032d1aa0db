using System.Net;

namespace Bot.Core.Fetching;

/// <summary>The outcome of one fetch: a body, "not modified", or a failure with its reason.</summary>
public abstract record FetchResult(Uri RequestedUrl)
{
    /// <summary>Seconds the server asked us to wait (Retry-After on 429/503), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>A 2xx answer read in full within the limits.</summary>
/// <param name="FinalUrl">Where the body came from after redirects: resolve relative links against it.</param>
/// <param name="MediaType">The Content-Type's media type, lower case, or null when the server gave none.</param>
/// <param name="Charset">The Content-Type's charset parameter, when given.</param>
public sealed record FetchedBody(
    Uri RequestedUrl,
    Uri FinalUrl,
    HttpStatusCode Status,
    byte[] Body,
    string? MediaType,
    string? Charset,
    string? ETag,
    DateTimeOffset? LastModified) : FetchResult(RequestedUrl)
{
    public Stream OpenRead() => new MemoryStream(Body, writable: false);
}

/// <summary>A 304 to a conditional request: what we have is current.</summary>
public sealed record FetchNotModified(Uri RequestedUrl, Uri FinalUrl, string? ETag, DateTimeOffset? LastModified)
    : FetchResult(RequestedUrl);

/// <summary>No body: <paramref name="Reason"/> says why, <paramref name="Message"/> says it to a person.</summary>
public sealed record FetchFailed(Uri RequestedUrl, FetchFailure Reason, string Message, HttpStatusCode? Status = null)
    : FetchResult(RequestedUrl);
