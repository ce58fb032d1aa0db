using Bot.Core.Commands;
using Bot.Core.Sources;
using Bot.Core.Sources.Pages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bot.Core;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Sources, their store, the poller with its Quartz job, and web-page import.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceOptions>()
            .Bind(configuration.GetSection(SourceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ISourceStore, SqliteSourceStore>();
        services.TryAddSingleton<LoggingAdminNotifier>();
        services.TryAddSingleton<IAdminNotifier, ChatAdminNotifier>();
        services.TryAddSingleton<PageFetcher>();
        services.TryAddSingleton<PageImporter>();
        services.TryAddSingleton<SourceManager>();
        services.TryAddSingleton<SourcePoller>();
        services.AddQuartz(quartz => quartz.ScheduleJob<SourcePollJob>((provider, trigger) => trigger
            .WithIdentity(SourcePollJob.Name)
            .StartNow()
            .WithSimpleSchedule(TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<SourceOptions>>().Value.CheckSeconds))));
        return services;
    }
}
