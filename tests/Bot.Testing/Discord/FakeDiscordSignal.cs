namespace Bot.Testing.Discord;

/// <summary>Wakes waiters whenever the fake's state changes, so tests wait for events instead of sleeping.</summary>
public sealed class FakeDiscordSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            lock (_lock)
            {
                next = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }
        }
    }
}
