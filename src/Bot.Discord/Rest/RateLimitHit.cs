using System.Globalization;
using System.Net.Http.Headers;
using Bot.Discord.Models;

namespace Bot.Discord.Rest;

/// <summary>
/// What a 429 says. Read from the headers first (Retry-After in seconds, X-RateLimit-Global,
/// X-RateLimit-Scope), since a 429 from Cloudflare carries an HTML page rather than Discord's JSON;
/// the JSON body's retry_after (more precise) and global refine them when present.
/// </summary>
/// <param name="Scope">user, global or shared; null when Discord did not say (a Cloudflare answer).</param>
/// <param name="FromCloudflare">No Discord JSON and no scope: the IP, not the bot, is being limited.</param>
public sealed record RateLimitHit(TimeSpan RetryAfter, bool Global, string? Scope, bool FromCloudflare)
{
    /// <summary>When neither headers nor body say how long: long enough not to hammer a limit we cannot see.</summary>
    public static readonly TimeSpan UnknownWait = TimeSpan.FromSeconds(5);

    /// <summary>Shared-resource limits are not the bot's fault and do not count toward the invalid-request limit.</summary>
    public bool CountsAsInvalid => Scope != "shared";

    /// <summary>Stops every request, not only this route's.</summary>
    public bool StopsEverything => Global || FromCloudflare;

    public static RateLimitHit Read(HttpResponseHeaders headers, ErrorBody? body)
    {
        var retryAfter = RetryAfterHeader(headers);
        var scope = First(headers, "X-RateLimit-Scope")?.ToLowerInvariant();
        var global = string.Equals(First(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase) || scope == "global";
        if (body?.RetryAfter is { } seconds && double.IsFinite(seconds))
        {
            retryAfter = TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (body?.Global == true)
        {
            global = true;
        }

        var cloudflare = body is null && scope is null;
        return new RateLimitHit(retryAfter ?? UnknownWait, global, scope, cloudflare);
    }

    private static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers)
    {
        // Discord sends whole or fractional seconds; HttpResponseHeaders.RetryAfter only parses whole ones.
        if (First(headers, "Retry-After") is { } raw
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (headers.RetryAfter?.Date is { } date)
        {
            return date - DateTimeOffset.UtcNow > TimeSpan.Zero ? date - DateTimeOffset.UtcNow : TimeSpan.Zero;
        }

        return First(headers, "X-RateLimit-Reset-After") is { } reset
            && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetSeconds)
            && double.IsFinite(resetSeconds)
            ? TimeSpan.FromSeconds(Math.Max(0, resetSeconds))
            : null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
