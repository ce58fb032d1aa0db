namespace Bot.Testing.Telegram;

/// <summary>An answer the fake gives instead of the normal one, scripted per chat.</summary>
public abstract record FakeFailure
{
    private FakeFailure()
    {
    }

    public sealed record Blocked : FakeFailure;

    public sealed record Kicked : FakeFailure;

    public sealed record Migrated(long NewChatId) : FakeFailure;

    public sealed record ServerError(int StatusCode = 502) : FakeFailure;

    public sealed record TooManyRequests(int RetryAfterSeconds) : FakeFailure;
}
