using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Core.Sources;

/// <summary>
/// The one Quartz job (`sources-due`) behind every source: it polls those whose next_poll_at has come.
/// The schedule of each source lives in SQLite, so a restart keeps backoffs, ttl and Retry-After.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SourcePollJob(SourcePoller poller, IHostApplicationLifetime? lifetime = null) : IJob
{
    public const string Name = "sources-due";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stopping the bot must not wait for a slow feed: a poll cut short stores nothing of its own and
        // the source stays due, so the next start polls it again.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime?.ApplicationStopping ?? CancellationToken.None);
        try
        {
            await poller.PollDueAsync(force: false, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: not a failure of the job.
        }
    }
}
