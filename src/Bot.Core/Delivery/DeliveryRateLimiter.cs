using System.Runtime.InteropServices;
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
/// <see cref="PlatformRateOptions"/>. A 429 blocks only the chat it came from. Replies to readers come
/// first (<see cref="IReplyBudget"/>): deliveries leave one token of the platform's burst for them, and take
/// nothing from a bucket a reply is waiting on, so a reply never queues behind a broadcast and the sum of
/// both never exceeds the platform's rate.
/// </summary>
public sealed class DeliveryRateLimiter(IOptions<DeliveryOptions> options, TimeProvider time) : IReplyBudget
{
    // Forgetting full buckets keeps memory flat when a broadcast touches hundreds of thousands of chats.
    private const int SweepAbove = 20_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<Platform, TokenBucket> _global = [];
    private readonly Dictionary<(Platform Platform, string ChatId), TokenBucket> _chats = [];
    private readonly Dictionary<Platform, int> _repliesWaitingOnPlatform = [];
    private readonly Dictionary<(Platform Platform, string ChatId), int> _repliesWaitingOnChat = [];

    /// <summary>Takes a token for a delivery from both the chat's and the platform's bucket, or from neither.</summary>
    public RateDecision TryAcquire(Platform platform, string chatId, ChatKind kind)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var global = Global(platform, now);
            var reserve = Reserve(global);
            if (_repliesWaitingOnPlatform.GetValueOrDefault(platform) > 0 || global.NextTokenTicks(now, reserve) > now)
            {
                return RateDecision.PlatformBusy;
            }

            if (_repliesWaitingOnChat.ContainsKey((platform, chatId)))
            {
                return RateDecision.ChatBusy;
            }

            var chat = Chat(platform, chatId, kind, now);
            if (!chat.TryTake(now))
            {
                return RateDecision.ChatBusy;
            }

            if (!global.TryTake(now, reserve))
            {
                chat.Return(now);
                return RateDecision.PlatformBusy;
            }

            return RateDecision.Go;
        }
    }

    public async ValueTask AcquireReplyAsync(Platform platform, string chatId, ChatKind kind, CancellationToken ct)
    {
        var waitingOnPlatform = false;
        var waitingOnChat = false;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow().UtcTicks;
                    var global = Global(platform, now);
                    var chat = Chat(platform, chatId, kind, now);
                    var globalAt = global.NextTokenTicks(now);
                    var chatAt = chat.NextTokenTicks(now);
                    if (globalAt <= now && chatAt <= now)
                    {
                        chat.TryTake(now);
                        global.TryTake(now);
                        return;
                    }

                    // Only the bucket that is short is held for the reply: a private chat's 1/s must not stop a broadcast.
                    if (globalAt > now && !waitingOnPlatform)
                    {
                        _repliesWaitingOnPlatform[platform] = _repliesWaitingOnPlatform.GetValueOrDefault(platform) + 1;
                        waitingOnPlatform = true;
                    }

                    if (chatAt > now && !waitingOnChat)
                    {
                        _repliesWaitingOnChat[(platform, chatId)] = _repliesWaitingOnChat.GetValueOrDefault((platform, chatId)) + 1;
                        waitingOnChat = true;
                    }

                    wait = TimeSpan.FromTicks(Math.Max(globalAt, chatAt) - now);
                }

                await DelayAsync(wait, ct);
            }
        }
        finally
        {
            lock (_lock)
            {
                if (waitingOnPlatform && --CollectionsMarshal.GetValueRefOrNullRef(_repliesWaitingOnPlatform, platform) == 0)
                {
                    _repliesWaitingOnPlatform.Remove(platform);
                }

                if (waitingOnChat && --CollectionsMarshal.GetValueRefOrNullRef(_repliesWaitingOnChat, (platform, chatId)) == 0)
                {
                    _repliesWaitingOnChat.Remove((platform, chatId));
                }
            }
        }
    }

    /// <summary>
    /// A delivery to the chat has just been accepted: its chat's interval runs from now, not from when the
    /// send started, so the next part does not follow a slow upload too closely (a 429 on Telegram).
    /// </summary>
    public void Arrived(Platform platform, string chatId, ChatKind kind)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            Chat(platform, chatId, kind, now).Arrived(now);
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

    /// <summary>When a delivery of the platform may next take a token (after any waiting reply has had its own).</summary>
    public DateTimeOffset NextAvailable(Platform platform)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var global = Global(platform, now);
            var at = global.NextTokenTicks(now, Reserve(global));
            if (_repliesWaitingOnPlatform.GetValueOrDefault(platform) > 0)
            {
                at = Math.Max(at, now + global.RefillTicks);
            }

            return new DateTimeOffset(at, TimeSpan.Zero);
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

    /// <summary>
    /// Tokens deliveries leave in the platform's bucket for replies: one when the burst allows it, so a
    /// reader's answer goes at once even in the middle of a broadcast that keeps the bucket near empty.
    /// </summary>
    private static double Reserve(TokenBucket global) => global.Burst > 1 ? 1 : 0;

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

    // Task.Delay with a TimeProvider completes at once for a wait under a millisecond, and a token
    // bucket's next token is often that close: the reply loop would spin without time moving. A timer
    // of the provider's own waits the exact span, and continues off the thread that fired it.
    private async Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var timer = time.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), done, wait, Timeout.InfiniteTimeSpan);
        await using var registration = ct.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), done);
        await done.Task;
    }
}
