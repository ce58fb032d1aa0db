namespace Bot.Telegram.Updates;

/// <summary>
/// Runs updates side by side: concurrently across lanes (a chat, or a user for inline queries), one
/// after the other within a lane, with at most <c>maxInFlight</c> received and not yet handled. It
/// knows which update ids are handled, so the polling loop confirms to Telegram only an offset below
/// which everything was handled: a crash re-handles at most the updates that were in flight.
/// </summary>
public sealed class UpdateScheduler(int maxInFlight) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private readonly Dictionary<string, (Task Tail, int Queued)> _lanes = [];
    private readonly SortedSet<long> _open = [];
    private readonly SortedSet<long> _handled = [];
    private long _next = long.MinValue;
    private bool _offsets;
    private long _floor = long.MinValue;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>
    /// The offset to confirm: one past the highest update id below which every received update was
    /// handled; null before any update was seen.
    /// </summary>
    public long? ConfirmedOffset
    {
        get
        {
            lock (_lock)
            {
                return _next == long.MinValue ? null : Confirmed;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Completes at the next handled update (or at once when nothing is in flight).</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _open.Count == 0 ? Task.CompletedTask : _changed.Task;
            }
        }
    }

    /// <summary>
    /// Polling: update ids arrive in order, so ids below the confirmed offset count as handled, from
    /// <paramref name="offset"/> on after a restart. (Webhook calls may arrive out of order and keep this off.)
    /// </summary>
    public void TrackOffsets(long? offset)
    {
        lock (_lock)
        {
            _offsets = true;
            if (offset is { } start)
            {
                _next = Math.Max(_next, start);
            }
        }
    }

    /// <summary>True when this update is in flight or already handled (Telegram sends unconfirmed ones again).</summary>
    public bool IsKnown(long updateId)
    {
        lock (_lock)
        {
            return Known(updateId);
        }
    }

    /// <summary>
    /// Queues an update behind the earlier ones of its lane, waiting first for a free slot. Returns the
    /// task of its handling (<paramref name="handle"/> owns its errors; a failure never holds up the lane), or null when
    /// the update is already known.
    /// </summary>
    public async Task<Task?> ScheduleAsync(long updateId, string lane, Func<Task> handle, CancellationToken ct)
    {
        if (IsKnown(updateId))
        {
            return null;
        }

        await _slots.WaitAsync(ct);
        lock (_lock)
        {
            if (Known(updateId))
            {
                _slots.Release();
                return null;
            }

            _open.Add(updateId);
            _next = Math.Max(_next, updateId + 1);
            var (previous, queued) = _lanes.GetValueOrDefault(lane, (Task.CompletedTask, 0));
            var run = RunAsync(updateId, lane, previous, handle);
            _lanes[lane] = (run, queued + 1);
            return run;
        }
    }

    /// <summary>Waits until every scheduled update was handled.</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll([.. _lanes.Values.Select(l => l.Tail)]);
        }
    }

    /// <summary>
    /// Confirms up to <paramref name="offset"/> even though updates below it are still in flight: getUpdates
    /// returns at most 100 updates from the offset, so 100 handled ones behind a stalled one would
    /// otherwise hide every newer update. Those in flight still finish; only a crash would lose them.
    /// </summary>
    public void ConfirmPast(long offset)
    {
        lock (_lock)
        {
            _floor = Math.Max(_floor, offset);
            _next = Math.Max(_next, offset);
            _handled.RemoveWhere(id => id < Confirmed);
        }
    }

    private long Confirmed => Math.Max(_floor, _open.Count > 0 ? _open.Min : _next);

    // getUpdates returns ids in order, so an id below the confirmed offset was handled before.
    private bool Known(long updateId) =>
        _open.Contains(updateId)
        || (_offsets && (_handled.Contains(updateId) || (_next != long.MinValue && updateId < Confirmed)));

    private async Task RunAsync(long updateId, string lane, Task previous, Func<Task> handle)
    {
        // Off the caller's thread at once: the polling loop goes on reading while this runs. This one starts
        // only after the lane's previous update, however that one ended.
        await Task.Yield();
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await handle().ConfigureAwait(false);
        }
        finally
        {
            Complete(updateId, lane);
        }
    }

    private void Complete(long updateId, string lane)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _open.Remove(updateId);
            if (_offsets)
            {
                _handled.Add(updateId);
            }

            var confirmed = Confirmed;
            _handled.RemoveWhere(id => id < confirmed);
            var (tail, queued) = _lanes[lane];
            if (queued == 1)
            {
                _lanes.Remove(lane);
            }
            else
            {
                _lanes[lane] = (tail, queued - 1);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        _slots.Release();
        changed.TrySetResult();
    }

    public void Dispose() => _slots.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
