namespace Bot.Core.Delivery;

/// <summary>Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of many chats spread out.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, double baseSeconds, double maxSeconds, double random01)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var full = Math.Min(maxSeconds, baseSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds((full / 2) + (full / 2 * Math.Clamp(random01, 0, 1)));
    }
}
