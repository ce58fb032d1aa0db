namespace Bot.Discord.Rest;

/// <summary>
/// Discord bans an IP for an hour after 10,000 responses of 401, 403 or 429 (except 429s of scope
/// "shared") within 10 minutes. Counted here in 10-second slots; from a quarter of the limit on,
/// every request is held back a little longer the nearer the count is to the limit, and near the limit
/// nothing is sent until old slots have left the window.
/// </summary>
public sealed class InvalidRequestCounter(TimeProvider time, int limit = InvalidRequestCounter.DiscordLimit)
{
    public const int DiscordLimit = 10_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);
    private readonly Lock _lock = new();
    // At most one entry per slot of the window (60), oldest first.
    private readonly List<(long Slot, int Count)> _slots = [];
    private int _total;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Forget(SlotOf(time.GetUtcNow()));
                return _total;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var slot = SlotOf(time.GetUtcNow());
            Forget(slot);
            if (_slots.Count > 0 && _slots[^1].Slot == slot)
            {
                _slots[^1] = (slot, _slots[^1].Count + 1);
            }
            else
            {
                _slots.Add((slot, 1));
            }

            _total++;
        }
    }

    /// <summary>How long the next request should wait; <see cref="Blocked"/> is true when it must not go before then at all.</summary>
    public (TimeSpan Pause, bool Blocked) PauseBeforeNextRequest()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = SlotOf(now);
            Forget(slot);
            var slowFrom = limit / 4;
            var stopAt = limit * 9 / 10;
            if (_total < slowFrom)
            {
                return (TimeSpan.Zero, false);
            }

            if (_total >= stopAt)
            {
                // Until enough of the oldest slots have left the window to fall below the stop line.
                var left = _total;
                foreach (var (oldest, count) in _slots)
                {
                    left -= count;
                    if (left < stopAt)
                    {
                        var opens = new DateTimeOffset((oldest * Slot.Ticks) + Window.Ticks, TimeSpan.Zero);
                        return (opens - now > TimeSpan.Zero ? opens - now : Slot, true);
                    }
                }
            }

            var share = (double)(_total - slowFrom) / (stopAt - slowFrom);
            return (LongestPause * share, false);
        }
    }

    private static long SlotOf(DateTimeOffset now) => now.UtcTicks / Slot.Ticks;

    private void Forget(long currentSlot)
    {
        var oldestKept = currentSlot - (Window.Ticks / Slot.Ticks) + 1;
        while (_slots.Count > 0 && _slots[0].Slot < oldestKept)
        {
            _total -= _slots[0].Count;
            _slots.RemoveAt(0);
        }
    }
}
