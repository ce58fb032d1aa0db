namespace Bot.Testing;

/// <summary>
/// Waits for a condition that another thread makes true (a counter in the client under test), checking
/// often, up to a limit. It waits for an event, never for time to pass: tests that need time to pass move
/// a <see cref="FakeTimeProvider"/>.
/// </summary>
public static class Poll
{
    /// <summary>Fails with a clear message when the condition is still false after the limit (15 s unless told).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!await TryUntilAsync(condition, timeout ?? TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException("Timed out waiting for " + what + ".");
        }
    }

    /// <summary>True as soon as the condition holds; false when it still does not after the limit.</summary>
    public static async Task<bool> TryUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
