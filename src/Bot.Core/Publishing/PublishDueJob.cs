using Quartz;

namespace Bot.Core.Publishing;

/// <summary>The Quartz job that publishes scheduled articles whose time has come; the logic is the service's.</summary>
[DisallowConcurrentExecution]
public sealed class PublishDueJob(IPublishingService publishing) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await publishing.PublishDueAsync(cancellationToken);
}
