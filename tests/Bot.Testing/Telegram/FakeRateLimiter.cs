namespace Bot.Testing.Telegram;

/// <summary>Sliding windows per chat and overall, like Telegram's flood control: over the limit, the send is refused with a wait.</summary>
public sealed class FakeRateLimiter(FakeTelegramOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];
    private int _chatRefusals;
    private int _globalRefusals;

    /// <summary>Sends refused because the chat's own window was full.</summary>
    public int ChatRefusals => Volatile.Read(ref _chatRefusals);

    /// <summary>Sends refused because the bot's overall window was full (the chat's was not).</summary>
    public int GlobalRefusals => Volatile.Read(ref _globalRefusals);

    /// <summary>Records a send and returns null, or returns how long to wait without recording it.</summary>
    public TimeSpan? TryAcquire(long chatId, bool isPrivate)
    {
        if (!options.EnforceRateLimits)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            var chatWindow = isPrivate ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1);
            var chatLimit = isPrivate ? options.PrivatePerSecond : options.GroupPerMinute;
            if (!_perChat.TryGetValue(chatId, out var chat))
            {
                chat = new Queue<DateTimeOffset>();
                _perChat[chatId] = chat;
            }

            var wait = Wait(chat, chatLimit, chatWindow, now);
            var globalWait = Wait(_global, options.GlobalPerSecond, TimeSpan.FromSeconds(1), now);
            var longest = wait > globalWait ? wait : globalWait;
            if (longest > TimeSpan.Zero)
            {
                Interlocked.Increment(ref wait > TimeSpan.Zero ? ref _chatRefusals : ref _globalRefusals);
                return longest;
            }

            chat.Enqueue(now);
            _global.Enqueue(now);
            return null;
        }
    }

    private static TimeSpan Wait(Queue<DateTimeOffset> window, int limit, TimeSpan length, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() <= now - length)
        {
            window.Dequeue();
        }

        return window.Count < limit ? TimeSpan.Zero : window.Peek() + length - now;
    }
}
