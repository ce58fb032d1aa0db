using Quartz;

namespace Bot.Core.Digests;

/// <summary>Fired by a subscription's digest trigger; the maker decides from the stored next time whether a digest is due.</summary>
public sealed class DigestJob(DigestMaker maker) : IJob
{
    public const string SubscriptionKey = "subscription";

    public static readonly JobKey Key = new("digest", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await maker.RunDueAsync(context.MergedJobDataMap.GetLong(SubscriptionKey), cancellationToken);
}
