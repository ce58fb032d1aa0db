using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.Core.Digests;

/// <summary>
/// At start, makes the digests missed while the host was down (within <c>Delivery:DigestGraceMinutes</c>),
/// then gives every digest subscription a Quartz cron trigger in its chat's zone, and rebuilds one when a
/// chat changes its digest time or zone. The triggers are rebuilt from the schedule persisted on the
/// subscription rows (with the next digest time), which is what makes a restart neither skip nor repeat one.
/// </summary>
public sealed class DigestScheduler(ISchedulerFactory schedulers, DigestMaker maker, DigestTriggerSignal signal, ILogger<DigestScheduler> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public static TriggerKey TriggerKeyOf(long subscriptionId) => new($"digest-{subscriptionId}", "digests");

    /// <summary>The cron trigger of one digest subscription, firing in its chat's zone.</summary>
    public static ITrigger Build(DigestTrigger digest) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyOf(digest.SubscriptionId))
        .ForJob(DigestJob.Key)
        .UsingJobData(DigestJob.SubscriptionKey, digest.SubscriptionId)
        .WithCronSchedule(digest.Schedule.Cron, cron => cron.InTimeZone(digest.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var caught = await maker.CatchUpAsync(cancellationToken);
        if (caught.Count > 0)
        {
            logger.LogInformation("Digests missed while the host was down: {Results}", string.Join(", ", caught.Select(c => $"{c.Key}={c.Value}")));
        }

        _scheduler = await schedulers.GetScheduler(cancellationToken);
        await _scheduler.AddJob(JobBuilder.Create<DigestJob>().WithIdentity(DigestJob.Key).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken);
        foreach (var digest in await maker.TriggersAsync(null, cancellationToken))
        {
            await ScheduleAsync(_scheduler, digest, cancellationToken);
        }

        signal.Changed += OnChanged;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private static async Task ScheduleAsync(IScheduler scheduler, DigestTrigger digest, CancellationToken ct) =>
        await scheduler.ScheduleTrigger(Build(digest), TriggerConflict.Replace, ct);

    private async void OnChanged(long subscriptionId)
    {
        // An event handler: failures are logged here, since nobody awaits it.
        try
        {
            if (_scheduler is not { } scheduler)
            {
                return;
            }

            var found = await maker.TriggersAsync(subscriptionId, CancellationToken.None);
            if (found.Count == 0)
            {
                await scheduler.UnscheduleJob(TriggerKeyOf(subscriptionId), CancellationToken.None);
            }
            else
            {
                await ScheduleAsync(scheduler, found[0], CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not rebuild the digest trigger of subscription {SubscriptionId}; it is rebuilt at the next start", subscriptionId);
        }
    }
}
