using Microsoft.Extensions.Logging;

namespace Bot.Core.Sources;

/// <summary>The notifier when no platform adapter provides one: a warning in the log for each notice.</summary>
public sealed class LoggingAdminNotifier(ILogger<LoggingAdminNotifier> logger) : IAdminNotifier
{
    public Task NotifyAsync(AdminNotice notice, CancellationToken ct)
    {
        switch (notice)
        {
            case AdminNotice.SourcePaused paused:
                logger.LogWarning("Source {SourceId} ({Url}) paused after {Failures} failures in a row: {Error}", paused.SourceId, paused.Url, paused.Failures, paused.Error);
                break;
            case AdminNotice.DraftFromSource draft:
                logger.LogInformation("Source {SourceId} brought draft {ArticleId} for review", draft.SourceId, draft.ArticleId);
                break;
        }

        return Task.CompletedTask;
    }
}
