using Quartz;

namespace Bot.Core.Sources;

/// <summary>Quartz job: polls the sources whose time has come. Holds no logic of its own.</summary>
[DisallowConcurrentExecution]
public sealed class SourcePollJob(SourcePoller poller) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await poller.PollDueAsync(force: false, cancellationToken);
}
