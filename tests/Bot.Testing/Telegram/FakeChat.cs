namespace Bot.Testing.Telegram;

/// <summary>A chat the fake knows; <see cref="Members"/> holds getChatMember statuses by user id.</summary>
public sealed class FakeChat(long id, string type, string? title = null, string? username = null)
{
    public long Id { get; } = id;

    /// <summary>"private", "group", "supergroup" or "channel".</summary>
    public string Type { get; } = type;

    public string? Title { get; } = title;

    public string? Username { get; } = username;

    public Dictionary<long, FakeMember> Members { get; } = [];

    /// <summary>Forum topics (message_thread_id) that were deleted: sending there fails as on Telegram.</summary>
    public HashSet<long> DeletedTopics { get; } = [];

    public bool IsForum { get; set; }
}
