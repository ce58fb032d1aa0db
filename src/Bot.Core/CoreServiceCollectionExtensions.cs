using Bot.Core.Archive;
using Bot.Core.Hosting;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Bot.Core.Storage.Migrations;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything platform-neutral: storage, articles, search, delivery, commands.</summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationFailure>();
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<IBotStateStore, SqliteBotStateStore>();
        services.TryAddSingleton<IArchiveBrowser, SqliteArchiveBrowser>();
        services.TryAddSingleton<SubscriptionTransfer>();
        return services
            .AddFetching(configuration)
            .AddMedia(configuration)
            .AddArticles(configuration)
            .AddSearch(configuration)
            .AddDelivery(configuration)
            .AddSources(configuration)
            .AddCommands(configuration)
            .AddLinks(configuration);
    }
}
