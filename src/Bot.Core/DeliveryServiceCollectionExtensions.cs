using Bot.Core.Delivery;
using Bot.Core.Digests;
using Bot.Core.Publishing;
using Bot.Core.Search;
using Bot.Core.Search.Sqlite;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bot.Core;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Registers subscriptions, publishing, the outbox, the delivery worker, rate limits and the Quartz jobs.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISubscriptionService, SqliteSubscriptionService>();
        services.TryAddSingleton<IArticleIndex, SqliteArticleIndex>(); // publishing re-dates the index entry of an undated draft
        services.TryAddSingleton<IPublishingService, SqlitePublishingService>();
        services.TryAddSingleton<ChatTimeZones>();
        services.TryAddSingleton<DigestTriggerSignal>();
        services.TryAddSingleton<IDeliveryPreferenceService, SqliteDeliveryPreferenceService>();
        services.AddLinks(configuration); // digests link to the web archive
        services.TryAddSingleton<DigestComposer>();
        services.TryAddSingleton<DigestMaker>();
        services.AddHostedService<DigestScheduler>();
        services.TryAddSingleton<DeliveryOutbox>();
        services.TryAddSingleton<DeliveryRateLimiter>();
        services.TryAddSingleton<IReplyBudget>(sp => sp.GetRequiredService<DeliveryRateLimiter>());
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<ArticleCache>();
        services.TryAddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());

        // Quartz takes the container's TimeProvider, so a fake clock drives the schedule in tests too.
        services.AddQuartz(quartz => quartz.ScheduleJob<PublishDueJob>((provider, trigger) => trigger
            .WithIdentity("publish-due")
            .StartNow()
            .WithSimpleSchedule(TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.PublishCheckSeconds))));
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }
}
