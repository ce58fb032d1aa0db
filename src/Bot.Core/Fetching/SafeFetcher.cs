using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Fetching;

/// <summary>
/// HTTP GET with the limits of <see cref="FetchOptions"/>: one deadline for the whole fetch, bytes counted
/// after decompression while reading (so neither a lying Content-Length nor a gzip bomb gets through),
/// redirects followed by hand (counted, each hop's scheme checked, no Referer sent) and every connection
/// made through <see cref="SafeConnector"/>.
/// </summary>
public sealed class SafeFetcher : IFetcher, IDisposable
{
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SafeFetcher> _logger;
    private readonly Func<IPAddress, AddressRefusal> _policy;
    private readonly HttpClient _client;

    public SafeFetcher(IOptions<FetchOptions> options, TimeProvider time, ILogger<SafeFetcher> logger)
        : this(options.Value, time, logger, new SafeConnector(options.Value.AllowPrivateAddresses), AddressPolicy.Check)
    {
    }

    /// <summary>Tests give their own connector (a stub resolver) and policy; everything else is the real thing.</summary>
    internal SafeFetcher(FetchOptions options, TimeProvider time, ILogger<SafeFetcher> logger, SafeConnector connector, Func<IPAddress, AddressRefusal> policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        _options = options;
        _time = time;
        _logger = logger;
        _policy = policy;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectCallback = connector.ConnectAsync,
            // A proxy would make the callback connect to the proxy and the check judge the wrong address.
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            MaxResponseHeadersLength = 64,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        request ??= FetchRequest.Default;
        var maxBytes = Math.Min(request.MaxBytes ?? _options.MaxBytes, _options.MaxBytes);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (Refuse(url, current) is { } refused)
                {
                    return refused;
                }

                using var message = BuildRequest(current, request);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return new FetchFailed(url, FetchFailure.TooManyRedirects, $"{url} redirects more than {_options.MaxRedirects} times");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                return await ReadAsync(url, current, response, maxBytes, linked.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchFailed(url, FetchFailure.Timeout, $"{current} did not answer within {_options.TimeoutSeconds} s (Fetch:TimeoutSeconds)");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return new FetchFailed(url, FetchFailure.Refused, $"refused {current}: {refusal.Message}");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError
            || ex.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData })
        {
            return new FetchFailed(url, FetchFailure.NameNotResolved, $"{current.Host} does not resolve");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException)
        {
            _logger.LogDebug(ex, "Fetching {Url} failed", current);
            return new FetchFailed(url, FetchFailure.Network, $"{current}: {Innermost(ex).Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A literal address or an unsupported scheme is refused before anything is sent.</summary>
    private FetchFailed? Refuse(Uri requested, Uri current)
    {
        if (!current.IsAbsoluteUri || (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps))
        {
            return new FetchFailed(requested, FetchFailure.InvalidUrl, $"{current} is not an http or https URL");
        }

        if (!_options.AllowPrivateAddresses && IPAddress.TryParse(current.IdnHost.Trim('[', ']'), out var literal)
            && _policy(literal) is var reason and not AddressRefusal.None)
        {
            return new FetchFailed(requested, FetchFailure.Refused,
                $"refused {current}: {literal} is {AddressPolicy.Describe(reason)}; the bot only fetches from public addresses (Fetch:AllowPrivateAddresses)");
        }

        return null;
    }

    private HttpRequestMessage BuildRequest(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        if (request.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (request.IfNoneMatch is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.IfModifiedSince is { } since)
        {
            message.Headers.IfModifiedSince = since;
        }

        return message;
    }

    private async Task<FetchResult> ReadAsync(Uri requested, Uri final, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchNotModified(requested, final, etag, lastModified);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new FetchFailed(requested, FetchFailure.HttpStatus, $"{final} answered {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), response.StatusCode)
            {
                RetryAfter = RetryAfter(response.Headers.RetryAfter),
            };
        }

        // Content-Length is only an early refusal; the count below is what holds.
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return TooLarge(requested, final, maxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return TooLarge(requested, final, maxBytes);
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var contentType = response.Content.Headers.ContentType;
        return new FetchedBody(requested, final, response.StatusCode, body.ToArray(),
            contentType?.MediaType?.ToLowerInvariant(), contentType?.CharSet?.Trim('"', '\''), etag, lastModified);
    }

    private static FetchFailed TooLarge(Uri requested, Uri final, long maxBytes) =>
        new(requested, FetchFailure.TooLarge, $"{final} sent more than {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes (Fetch:MaxBytes)");

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static FetchRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is FetchRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
