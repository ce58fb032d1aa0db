using Bot.Core.Search;
using Bot.Core.Search.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the search index (IArticleIndex) and ISearchService.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IArticleIndex, SqliteArticleIndex>();
        services.TryAddSingleton<ISearchService, SqliteSearchService>();
        services.TryAddSingleton<SearchIndexRebuilder>();
        return services;
    }
}
