using System.IO.Compression;
using System.Net;
using Bot.Core.Fetching;
using Bot.Testing;
using Bot.Testing.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Tests.Fetching;

public sealed class SafeFetcherTests : IAsyncLifetime
{
    private LoopbackWebServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SafeFetcher Fetcher(FetchOptions? options = null, TimeProvider? time = null)
    {
        options ??= new FetchOptions { AllowPrivateAddresses = true, UserAgent = "TestBot/2.0" };
        return new SafeFetcher(options, time ?? TimeProvider.System, NullLogger<SafeFetcher>.Instance,
            new SafeConnector(options.AllowPrivateAddresses), AddressPolicy.Check);
    }

    [Fact]
    public async Task Fetch_AfterRedirect_GivesBodyTypeAndFinalUrlWithoutReferer()
    {
        _server.Map("/old", http =>
        {
            http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            http.Response.Headers.Location = "/new?x=1";
            return Task.CompletedTask;
        });
        _server.Map("/new?x=1", "application/rss+xml; charset=GBK", [1, 2, 3]);
        using var fetcher = Fetcher();

        var result = Assert.IsType<FetchedBody>(await fetcher.FetchAsync(_server.Url("/old")));

        Assert.Equal([1, 2, 3], result.Body);
        Assert.Equal("application/rss+xml", result.MediaType);
        Assert.Equal("GBK", result.Charset);
        Assert.Equal(_server.Url("/new?x=1"), result.FinalUrl);
        Assert.Equal(_server.Url("/old"), result.RequestedUrl);
        var second = _server.Requests.Single(r => r.Path == "/new?x=1");
        Assert.Null(second.Header("Referer"));
        Assert.Equal("TestBot/2.0", second.Header("User-Agent"));
    }

    [Fact]
    public async Task Fetch_RedirectLoop_FailsAfterMaxRedirects()
    {
        _server.Map("/loop", http =>
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = "/loop";
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher(new FetchOptions { AllowPrivateAddresses = true, MaxRedirects = 3 });

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/loop")));

        Assert.Equal(FetchFailure.TooManyRedirects, result.Reason);
        Assert.Equal(4, _server.RequestCount("/loop"));
    }

    [Fact]
    public async Task Fetch_EndlessChunkedBody_StopsAtMaxBytes()
    {
        _server.Map("/endless", async http =>
        {
            var chunk = new byte[16 * 1024];
            while (!http.RequestAborted.IsCancellationRequested)
            {
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
            }
        });
        using var fetcher = Fetcher(new FetchOptions { AllowPrivateAddresses = true, MaxBytes = 100_000 });

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/endless")));

        Assert.Equal(FetchFailure.TooLarge, result.Reason);
        Assert.Contains("100000", result.Message);
    }

    [Fact]
    public async Task Fetch_GzipBomb_IsCountedDecompressedAndStops()
    {
        var bomb = Gzip(new byte[64 * 1024 * 1024]); // 64 MB of zeros, about 64 KB on the wire
        Assert.True(bomb.Length < 200_000);
        _server.Map("/bomb", async http =>
        {
            http.Response.ContentType = "application/xml";
            http.Response.Headers.ContentEncoding = "gzip";
            await http.Response.Body.WriteAsync(bomb);
        });
        using var fetcher = Fetcher(new FetchOptions { AllowPrivateAddresses = true, MaxBytes = 1024 * 1024 });

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/bomb")));

        Assert.Equal(FetchFailure.TooLarge, result.Reason);
    }

    [Fact]
    public async Task Fetch_BrotliBody_IsDecompressed()
    {
        var text = "<rss>"u8.ToArray();
        using var compressed = new MemoryStream();
        await using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await brotli.WriteAsync(text);
        }

        _server.Map("/br", async http =>
        {
            http.Response.Headers.ContentEncoding = "br";
            await http.Response.Body.WriteAsync(compressed.ToArray());
        });
        using var fetcher = Fetcher();

        var result = Assert.IsType<FetchedBody>(await fetcher.FetchAsync(_server.Url("/br")));

        Assert.Equal(text, result.Body);
        Assert.Contains("br", _server.Requests.Single().Header("Accept-Encoding"));
    }

    [Fact]
    public async Task Fetch_WithValidators_SendsThemAndGetsNotModified()
    {
        _server.Map("/feed", http =>
        {
            if (http.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.Headers.ETag = "\"v1\"";
                return Task.CompletedTask;
            }

            http.Response.Headers.ETag = "\"v1\"";
            return http.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Fetcher();
        var since = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

        var first = Assert.IsType<FetchedBody>(await fetcher.FetchAsync(_server.Url("/feed")));
        var second = await fetcher.FetchAsync(_server.Url("/feed"), new FetchRequest(IfNoneMatch: first.ETag, IfModifiedSince: since));

        Assert.Equal("\"v1\"", first.ETag);
        Assert.IsType<FetchNotModified>(second);
        Assert.Equal("Sun, 01 Nov 2026 08:00:00 GMT", _server.Requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Fetch_429WithRetryAfter_FailsWithTheWait()
    {
        _server.Map("/busy", http =>
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/busy")));

        Assert.Equal(FetchFailure.HttpStatus, result.Reason);
        Assert.Equal(HttpStatusCode.TooManyRequests, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Contains("429", result.Message);
    }

    [Fact]
    public async Task Fetch_ServerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Map("/slow", async http =>
        {
            reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        });
        var time = new FakeTimeProvider();
        using var fetcher = Fetcher(new FetchOptions { AllowPrivateAddresses = true, TimeoutSeconds = 30 }, time);

        var fetching = fetcher.FetchAsync(_server.Url("/slow"));
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fetching.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(31));

        var result = Assert.IsType<FetchFailed>(await fetching.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FetchFailure.Timeout, result.Reason);
    }

    [Fact]
    public async Task Fetch_LoopbackLiteralNotAllowed_IsRefusedBeforeAnythingIsSent()
    {
        using var fetcher = Fetcher(new FetchOptions());

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/feed")));

        Assert.Equal(FetchFailure.Refused, result.Reason);
        Assert.Contains("loopback", result.Message);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task Fetch_NameOfLoopbackNotAllowed_IsRefusedAtConnect()
    {
        using var fetcher = Fetcher(new FetchOptions());

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(new Uri($"http://localhost:{_server.Url("/").Port}/feed")));

        Assert.Equal(FetchFailure.Refused, result.Reason);
        Assert.Contains("loopback", result.Message);
        Assert.Equal(0, _server.Connections);
    }

    [Fact]
    public async Task Fetch_RedirectToPrivateHost_IsRefusedAtConnect()
    {
        var port = _server.Url("/").Port;
        _server.Map("/hop", http =>
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = $"http://intranet.test:{port}/admin";
            return Task.CompletedTask;
        });
        var options = new FetchOptions();
        var resolver = (string host, CancellationToken _) => Task.FromResult(host switch
        {
            "public.test" => new[] { IPAddress.Loopback },
            _ => [IPAddress.Parse("127.0.0.3")],
        });
        // 127.0.0.1 plays the public server and 127.0.0.3 the intranet (refused as loopback), so even a
        // broken check could only reach an empty port on this machine, never a private-range network.
        AddressRefusal Policy(IPAddress a) => a.Equals(IPAddress.Loopback) ? AddressRefusal.None : AddressPolicy.Check(a);
        using var fetcher = new SafeFetcher(options, TimeProvider.System, NullLogger<SafeFetcher>.Instance,
            new SafeConnector(false, resolver, Policy), Policy);

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(new Uri($"http://public.test:{port}/hop")));

        Assert.Equal(FetchFailure.Refused, result.Reason);
        Assert.Contains("intranet.test", result.Message);
        Assert.Equal(0, _server.RequestCount("/admin"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/feed.xml")]
    public async Task Fetch_NonHttpScheme_IsInvalid(string url)
    {
        using var fetcher = Fetcher();

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(new Uri(url)));

        Assert.Equal(FetchFailure.InvalidUrl, result.Reason);
    }

    [Fact]
    public async Task Fetch_ServerError_GivesStatusFailure()
    {
        _server.Map("/error", http =>
        {
            http.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(_server.Url("/error")));

        Assert.Equal(FetchFailure.HttpStatus, result.Reason);
        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
