namespace Bot.Discord.Rest;

/// <summary>
/// Discord's global limit: at most <see cref="PerSecond"/> requests in any one second, shared by every
/// bot-authenticated call (deliveries, channel lookups, registration…). Interaction endpoints are not
/// bound to it (Discord's rate-limit documentation) and do not pass through here.
/// Waiters are served by priority, then in arrival order: today every caller has the same priority;
/// a caller that must go before deliveries passes a higher one.
/// </summary>
public sealed class GlobalRequestBudget : IDisposable
{
    public const int PerSecond = 50;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly PriorityQueue<TaskCompletionSource, (int Priority, long Order)> _waiting = new();
    private readonly ITimer _timer;
    private long _order;

    public GlobalRequestBudget(TimeProvider time, int perSecond = PerSecond)
    {
        _time = time;
        _limit = perSecond;
        _timer = time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests sent in the last second, for tests and diagnostics.</summary>
    public int InLastSecond
    {
        get
        {
            lock (_lock)
            {
                Forget(_time.GetUtcNow());
                return _sent.Count;
            }
        }
    }

    /// <summary>Completes when the request may be sent; the slot is taken by then.</summary>
    public Task WaitAsync(int priority, CancellationToken ct)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            if (_waiting.Count == 0 && _sent.Count < _limit)
            {
                _sent.Enqueue(now);
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (-priority, _order++));
            Arm(now);
            if (ct.CanBeCanceled)
            {
                // A cancelled waiter stays queued and is skipped when its turn comes.
                var registration = ct.Register(() => waiter.TrySetCanceled(ct));
                _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return waiter.Task;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Release()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            while (_sent.Count < _limit && _waiting.TryDequeue(out var waiter, out _))
            {
                if (waiter.TrySetResult())
                {
                    _sent.Enqueue(now);
                }
            }

            if (_waiting.Count > 0)
            {
                Arm(now);
            }
        }
    }

    // The oldest send leaves the window first: that is when the next slot opens.
    private void Arm(DateTimeOffset now)
    {
        var due = _sent.Count < _limit ? TimeSpan.Zero : _sent.Peek() + Window - now;
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + Window <= now)
        {
            _sent.Dequeue();
        }
    }
}
