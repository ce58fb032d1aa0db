using Bot.Core.Articles;
using Bot.Core.Importing;
using Bot.Core.Parsing;
using Bot.Core.Storage.Articles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the parser, the article store (IArticleParser, IArticleStore) and the import service.
    /// The store needs an IArticleIndex, which AddSearch registers.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IArticleParser>(sp => new ArticleParser(sp.GetRequiredService<IOptions<ImportOptions>>().Value));
        services.TryAddSingleton<IArticleStore, SqliteArticleStore>();
        services.TryAddSingleton<ArticleImporter>();
        return services;
    }
}
