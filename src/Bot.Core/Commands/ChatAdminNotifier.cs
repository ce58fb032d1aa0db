using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Configuration;
using Bot.Core.Localization;
using Bot.Core.Sources;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Commands;

/// <summary>
/// Tells every admin of Bot:Admins whose platform has an adapter running, in their private chat: a paused
/// source as a sentence, a review draft as the usual preview with Publish / Schedule / Cancel. The notice
/// is always logged as well, so it is never lost when no adapter is configured or a platform refuses.
/// </summary>
public sealed class ChatAdminNotifier(
    IEnumerable<IAdminMessenger> messengers,
    AdminList admins,
    ISourceStore sources,
    IArticleStore articles,
    PostIntake previews,
    LoggingAdminNotifier log,
    ILogger<ChatAdminNotifier> logger) : IAdminNotifier
{
    // Admins have no language setting of their own; notices go out in the bot's interface default.
    private static readonly UiText Text = UiText.English;

    public async Task NotifyAsync(AdminNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await log.NotifyAsync(notice, ct);
        var byPlatform = messengers.GroupBy(m => m.Platform).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in admins.All.Where(a => byPlatform.ContainsKey(a.Platform)).GroupBy(a => a.Platform))
        {
            // The notice reads the same for every admin of a platform: rendered once, sent to each.
            var replies = await RepliesAsync(notice, group.Key, ct);
            if (replies.Count == 0)
            {
                return;
            }

            foreach (var (platform, userId) in group)
            {
                try
                {
                    await byPlatform[platform].SendAsync(userId, replies, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // One admin who blocked the bot must not keep the others from hearing about it.
                    logger.LogWarning("Could not tell {Platform} admin {UserId} about {Notice}: {Error}", platform, userId, notice.GetType().Name, e.Message);
                }
            }
        }
    }

    private async Task<IReadOnlyList<Reply>> RepliesAsync(AdminNotice notice, Chat.Platform platform, CancellationToken ct)
    {
        switch (notice)
        {
            case AdminNotice.SourcePaused paused:
                return [new Reply.Text(Text.SourcePausedNotice(paused.SourceId, paused.Url, paused.Failures, paused.Error ?? "unknown error"))];
            case AdminNotice.DraftFromSource draft:
                if (await articles.GetAsync(draft.ArticleId, ct) is not { } article)
                {
                    return []; // cancelled or deleted before the notice went out
                }

                var url = (await sources.GetAsync(draft.SourceId, ct))?.Url ?? article.SourceUrl ?? string.Empty;
                return [new Reply.Text(Text.SourceDraftNotice(draft.SourceId, url)), .. previews.Preview(article, platform, Text)];
            default:
                return [];
        }
    }
}
