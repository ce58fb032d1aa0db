using System.Globalization;
using System.Net.Http.Headers;

namespace Bot.Discord.Rest;

/// <summary>
/// What the X-RateLimit-* headers said per bucket. Routes share a bucket when Discord names the same
/// X-RateLimit-Bucket hash for them; each major parameter (channel, guild, webhook) has its own window.
/// Buckets keyed by an interaction token or a channel are many and short-lived: expired ones are swept.
/// </summary>
public sealed class RateLimitBuckets(TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;
    private DateTimeOffset _everythingResetAt = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Buckets held (expired ones included until the next sweep).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>How long a request on this route must wait before it may be sent; zero when it may go now. Takes a slot when it may go.</summary>
    public (TimeSpan Wait, bool Global) Acquire(DiscordRoute route)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (_everythingResetAt > now)
            {
                return (_everythingResetAt - now, true);
            }

            // Interaction endpoints are not bound to the bot's global limit.
            if (_globalResetAt > now && !route.IsInteraction)
            {
                return (_globalResetAt - now, true);
            }

            if (_buckets.TryGetValue(KeyOf(route), out var bucket))
            {
                if (bucket.ResetAt <= now)
                {
                    _buckets.Remove(KeyOf(route));
                }
                else if (bucket.Remaining <= 0)
                {
                    return (bucket.ResetAt - now, false);
                }
                else
                {
                    // Counted optimistically, so concurrent sends on one bucket do not all see the last slot.
                    bucket.Remaining--;
                }
            }

            return (TimeSpan.Zero, false);
        }
    }

    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var hash = First(headers, "X-RateLimit-Bucket");
        var remaining = First(headers, "X-RateLimit-Remaining");
        var resetAfter = First(headers, "X-RateLimit-Reset-After");
        if (remaining is null || resetAfter is null
            || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        lock (_lock)
        {
            if (hash is not null)
            {
                _hashByTemplate[route.Template] = hash;
            }

            var now = time.GetUtcNow();
            _buckets[KeyOf(route)] = new BucketState(left, now + TimeSpan.FromSeconds(seconds));
            Sweep(now);
        }
    }

    public void RateLimited(DiscordRoute route, RateLimitHit hit)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + hit.RetryAfter;
            if (hit.FromCloudflare)
            {
                // The IP is being limited, not the bot: nothing gets through, interactions included.
                _everythingResetAt = Max(_everythingResetAt, until);
            }
            else if (hit.Global)
            {
                _globalResetAt = Max(_globalResetAt, until);
            }
            else
            {
                _buckets[KeyOf(route)] = new BucketState(0, until);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepEvery;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt <= now)
            {
                _buckets.Remove(key);
            }
        }
    }

    private string KeyOf(DiscordRoute route) =>
        (_hashByTemplate.TryGetValue(route.Template, out var hash) ? hash : route.Template) + "|" + route.MajorParameter;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class BucketState(int remaining, DateTimeOffset resetAt)
    {
        public int Remaining { get; set; } = remaining;

        public DateTimeOffset ResetAt { get; } = resetAt;
    }
}
