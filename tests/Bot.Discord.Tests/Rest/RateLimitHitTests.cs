using System.Net;
using Bot.Discord.Models;
using Bot.Discord.Rest;

namespace Bot.Discord.Tests.Rest;

public sealed class RateLimitHitTests
{
    [Fact]
    public void Read_HeadersOnly_TakesRetryAfterAndScope()
    {
        var hit = RateLimitHit.Read(Headers(("Retry-After", "12"), ("X-RateLimit-Scope", "shared")), body: null);

        Assert.Equal(TimeSpan.FromSeconds(12), hit.RetryAfter);
        Assert.False(hit.Global);
        Assert.False(hit.CountsAsInvalid);
        Assert.False(hit.StopsEverything);
    }

    [Fact]
    public void Read_GlobalHeaderAndPreciseBody_IsGlobalWithTheBodysWait()
    {
        var hit = RateLimitHit.Read(
            Headers(("Retry-After", "1"), ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global")),
            new ErrorBody { RetryAfter = 0.65, Global = true });

        Assert.True(hit.Global);
        Assert.Equal(TimeSpan.FromSeconds(0.65), hit.RetryAfter);
        Assert.True(hit.CountsAsInvalid);
    }

    [Fact]
    public void Read_NoJsonNoScope_IsCloudflareAndStopsEverything()
    {
        var hit = RateLimitHit.Read(Headers(("Retry-After", "3600")), body: null);

        Assert.True(hit.FromCloudflare);
        Assert.True(hit.StopsEverything);
        Assert.Equal(TimeSpan.FromHours(1), hit.RetryAfter);
    }

    [Fact]
    public void Read_NothingSaid_WaitsTheCautiousDefault()
    {
        Assert.Equal(RateLimitHit.UnknownWait, RateLimitHit.Read(Headers(), body: null).RetryAfter);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }
}
