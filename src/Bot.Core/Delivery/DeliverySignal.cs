namespace Bot.Core.Delivery;

/// <summary>Lets publishing wake an idle worker in the same process at once instead of at its next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    /// <summary>Waits for a notification or until <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = _signal.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, time, linked.Token);
        await Task.WhenAny(signalled, delay);
        await linked.CancelAsync();
        try
        {
            await Task.WhenAll(signalled, delay);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race was cancelled on purpose.
        }
    }

    public void Dispose() => _signal.Dispose();
}
