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

    /// <summary>A 500 whose description repeats the request URL (token included), as a misconfigured proxy might.</summary>
    public sealed record EchoingUrl : FakeFailure;
}
