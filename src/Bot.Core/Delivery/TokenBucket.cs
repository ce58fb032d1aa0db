namespace Bot.Core.Delivery;

/// <summary>
/// A token bucket on an injected clock: <paramref name="ratePerSecond"/> tokens a second, at most
/// <paramref name="burst"/> saved up. A rate of 0 never runs dry. Not thread-safe: the limiter locks.
/// </summary>
public sealed class TokenBucket(double ratePerSecond, int burst, long nowTicks)
{
    private double _tokens = burst;
    private long _updatedTicks = nowTicks;
    private long _blockedUntilTicks;

    public bool Unlimited => ratePerSecond <= 0;

    /// <summary>How long one token takes to come back (zero when unlimited).</summary>
    public long RefillTicks => Unlimited ? 0 : (long)Math.Ceiling(TimeSpan.TicksPerSecond / ratePerSecond);

    /// <summary>The most tokens this bucket saves up.</summary>
    public int Burst => burst;

    /// <summary>Takes one token when there is one, and <paramref name="keep"/> more would be left for someone else.</summary>
    public bool TryTake(long nowTicks, double keep = 0)
    {
        if (Unlimited && nowTicks >= _blockedUntilTicks)
        {
            return true;
        }

        Refill(nowTicks);
        if (nowTicks < _blockedUntilTicks || _tokens < 1 + keep)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>
    /// A message taken from this bucket has just arrived. The platform counts it then, not when it was
    /// started, so whatever the bucket refilled while it was under way (a photo's upload) is not there on
    /// the platform's side: at this moment the bucket holds at most <c>burst - 1</c>.
    /// </summary>
    public void Arrived(long nowTicks)
    {
        if (!Unlimited)
        {
            Refill(nowTicks);
            _tokens = Math.Min(_tokens, burst - 1);
        }
    }

    /// <summary>Gives back a token taken for a send that did not happen.</summary>
    public void Return(long nowTicks)
    {
        if (!Unlimited)
        {
            Refill(nowTicks);
            _tokens = Math.Min(burst, _tokens + 1);
        }
    }

    /// <summary>When the next token will be there with <paramref name="keep"/> more beside it (now when there is).</summary>
    public long NextTokenTicks(long nowTicks, double keep = 0)
    {
        if (Unlimited)
        {
            return Math.Max(nowTicks, _blockedUntilTicks);
        }

        Refill(nowTicks);
        var need = 1 + keep;
        var at = _tokens >= need ? nowTicks : nowTicks + (long)Math.Ceiling((need - _tokens) / ratePerSecond * TimeSpan.TicksPerSecond);
        return Math.Max(at, _blockedUntilTicks);
    }

    /// <summary>The platform said 429: nothing goes before <paramref name="untilTicks"/>, and the saved burst is gone.</summary>
    public void Block(long untilTicks)
    {
        _blockedUntilTicks = Math.Max(_blockedUntilTicks, untilTicks);
        if (!Unlimited)
        {
            _tokens = Math.Min(_tokens, 0);
        }
    }

    /// <summary>True when the bucket is full and unblocked, so forgetting it changes nothing.</summary>
    public bool IsIdle(long nowTicks)
    {
        if (nowTicks < _blockedUntilTicks)
        {
            return false;
        }

        if (Unlimited)
        {
            return true;
        }

        Refill(nowTicks);
        return _tokens >= burst;
    }

    private void Refill(long nowTicks)
    {
        if (nowTicks > _updatedTicks)
        {
            var fromBlock = Math.Max(_updatedTicks, _blockedUntilTicks);
            if (nowTicks > fromBlock)
            {
                _tokens = Math.Min(burst, _tokens + ((nowTicks - fromBlock) * ratePerSecond / TimeSpan.TicksPerSecond));
            }

            _updatedTicks = nowTicks;
        }
    }
}
