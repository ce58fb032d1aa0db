using Bot.Core.Chat;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Which new articles a chat wants. Empty lists everywhere mean everything. Several kinds combine
/// with OR between lists: an article matches when any tag, any author or any keyword matches.
/// Keywords are plain case-insensitive substrings of the title or text (never regular expressions).
/// </summary>
public sealed record SubscriptionFilter(IReadOnlyList<string> Tags, IReadOnlyList<string> Authors, IReadOnlyList<string> Keywords)
{
    public static SubscriptionFilter Everything { get; } = new([], [], []);

    public bool IsEverything => Tags.Count == 0 && Authors.Count == 0 && Keywords.Count == 0;
}

public sealed record Subscription(
    long Id,
    ChatRef Chat,
    SubscriptionFilter Filter,
    bool Paused,
    bool Active,
    string? DeactivatedReason,
    DateTimeOffset CreatedAt)
{
    /// <summary>Instant or digest, quiet hours and zone (<see cref="DeliveryPreferences.Default"/> until a chat sets them).</summary>
    public DeliveryPreferences Preferences { get; init; } = DeliveryPreferences.Default;

    /// <summary>Why an inactive subscription stopped, for the reader; <see cref="DeactivatedReason"/> has the platform's words.</summary>
    public ChatGoneKind DeactivatedKind { get; init; }
}

public enum SubscribeStatus
{
    Created,
    Updated,
    AlreadySubscribed,
}

public sealed record SubscribeOutcome(Subscription Subscription, SubscribeStatus Status);

public interface ISubscriptionService
{
    /// <summary>
    /// One subscription per chat (and thread). Subscribing with tags adds them to the filter; with no
    /// filter the chat gets everything. Subscribing twice is harmless; a deactivated one is reactivated.
    /// </summary>
    Task<SubscribeOutcome> SubscribeAsync(ChatRef chat, SubscriptionFilter filter, CancellationToken ct);

    /// <summary>Removes the given tags (authors/keywords) from the filter, or the whole subscription when the filter is empty or becomes empty. Returns false when nothing was subscribed.</summary>
    Task<bool> UnsubscribeAsync(ChatRef chat, SubscriptionFilter remove, CancellationToken ct);

    Task<Subscription?> GetAsync(ChatRef chat, CancellationToken ct);

    Task<bool> SetPausedAsync(ChatRef chat, bool paused, CancellationToken ct);

    /// <summary>
    /// The platform says the bot can no longer post in the chat (removed, blocked): every subscription of
    /// the chat, in every thread, stops at once with <paramref name="kind"/> and the platform's <paramref name="reason"/>,
    /// and its pending deliveries fail with it. A later subscribe reactivates. Returns how many subscriptions were active.
    /// </summary>
    Task<int> DeactivateChatAsync(Platform platform, string chatId, ChatGoneKind kind, string reason, CancellationToken ct);

    /// <summary>
    /// A chat got a new id (a Telegram group upgraded to a supergroup): its subscriptions follow it,
    /// except where the new chat already has its own. Returns how many moved.
    /// </summary>
    Task<int> MoveChatAsync(Platform platform, string oldChatId, string newChatId, CancellationToken ct);
}
