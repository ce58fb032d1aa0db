namespace Bot.Core.Sources;

/// <summary>Something the admins must hear about without having asked.</summary>
public abstract record AdminNotice
{
    private AdminNotice()
    {
    }

    /// <summary>A source failed too often and was paused.</summary>
    public sealed record SourcePaused(long SourceId, string Url, int Failures, string? Error) : AdminNotice;

    /// <summary>A source added with --review brought a new item: a draft waits for Publish / Schedule / Cancel.</summary>
    public sealed record DraftFromSource(long SourceId, long ArticleId) : AdminNotice;
}

/// <summary>
/// Tells the admins in their private chats (Commands' ChatAdminNotifier, through each platform's
/// <see cref="IAdminMessenger"/>); without an adapter (the CLI) notices are logged so nothing is silently dropped.
/// </summary>
public interface IAdminNotifier
{
    Task NotifyAsync(AdminNotice notice, CancellationToken ct);
}
