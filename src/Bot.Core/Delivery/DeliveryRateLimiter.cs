using Bot.Core.Chat;
using Microsoft.Extensions.Options;

namespace Bot.Core.Delivery;

/// <summary>What the limiter says to one message.</summary>
public enum RateDecision
{
    Go,

    /// <summary>This chat must wait; others of the platform may go.</summary>
    ChatBusy,

    /// <summary>The whole platform must wait.</summary>
    PlatformBusy,
}

/// <summary>
/// In-memory token buckets: one per platform (global) and one per chat, sized by
/// <see cref="PlatformRateOptions"/>. A 429 blocks only the chat it came from.
/// </summary>
public sealed class DeliveryRateLimiter(IOptions<DeliveryOptions> options, TimeProvider time)
{
    // Forgetting full buckets keeps memory flat when a broadcast touches hundreds of thousands of chats.
    private const int SweepAbove = 20_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<Platform, TokenBucket> _global = [];
    private readonly Dictionary<(Platform Platform, string ChatId), TokenBucket> _chats = [];

    /// <summary>Takes a token from both the chat's and the platform's bucket, or from neither.</summary>
    public RateDecision TryAcquire(Platform platform, string chatId, ChatKind kind)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var global = Global(platform, now);
            if (global.NextTokenTicks(now) > now)
            {
                return RateDecision.PlatformBusy;
            }

            var chat = Chat(platform, chatId, kind, now);
            if (!chat.TryTake(now))
            {
                return RateDecision.ChatBusy;
            }

            if (!global.TryTake(now))
            {
                chat.Return(now);
                return RateDecision.PlatformBusy;
            }

            return RateDecision.Go;
        }
    }

    /// <summary>Gives back tokens taken for a message that was not sent after all.</summary>
    public void Return(Platform platform, string chatId, ChatKind kind)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            Global(platform, now).Return(now);
            Chat(platform, chatId, kind, now).Return(now);
        }
    }

    /// <summary>When the chat (and its platform) will next have a token.</summary>
    public DateTimeOffset NextAvailable(Platform platform, string chatId, ChatKind kind)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var ticks = Math.Max(Global(platform, now).NextTokenTicks(now), Chat(platform, chatId, kind, now).NextTokenTicks(now));
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public DateTimeOffset NextAvailable(Platform platform)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            return new DateTimeOffset(Global(platform, now).NextTokenTicks(now), TimeSpan.Zero);
        }
    }

    /// <summary>The platform answered 429 for this chat: it waits <paramref name="retryAfter"/>, nobody else does.</summary>
    public void Block(Platform platform, string chatId, ChatKind kind, TimeSpan retryAfter)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            Chat(platform, chatId, kind, now).Block(now + Math.Max(0, retryAfter.Ticks));
        }
    }

    private TokenBucket Global(Platform platform, long now)
    {
        if (!_global.TryGetValue(platform, out var bucket))
        {
            var rates = options.Value.For(platform);
            bucket = new TokenBucket(rates.GlobalPerSecond, rates.GlobalBurst, now);
            _global[platform] = bucket;
        }

        return bucket;
    }

    private TokenBucket Chat(Platform platform, string chatId, ChatKind kind, long now)
    {
        if (_chats.TryGetValue((platform, chatId), out var bucket))
        {
            return bucket;
        }

        if (_chats.Count > SweepAbove)
        {
            foreach (var key in _chats.Where(c => c.Value.IsIdle(now)).Select(c => c.Key).ToList())
            {
                _chats.Remove(key);
            }
        }

        var rates = options.Value.For(platform);
        var perSecond = kind == ChatKind.Private ? rates.PrivatePerSecond : rates.GroupPerMinute / 60.0;
        bucket = new TokenBucket(perSecond, rates.ChatBurst, now);
        _chats[(platform, chatId)] = bucket;
        return bucket;
    }
}
