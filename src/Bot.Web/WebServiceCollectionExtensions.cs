using Bot.Web.Feeds;
using Bot.Web.Media;
using Bot.Web.Pages;
using Bot.Web.Rendering;
using Bot.Web.Static;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web archive's pages, feeds and static export. Needs AddBotCore.</summary>
    public static IServiceCollection AddWebArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebArchiveOptions>()
            .Bind(configuration.GetSection(WebArchiveOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ArticleHtml>();
        services.TryAddSingleton<ArchivePages>();
        services.TryAddSingleton<FeedSource>();
        services.TryAddSingleton<AtomFeed>();
        services.TryAddSingleton<JsonFeed>();
        services.TryAddSingleton<Sitemap>();
        services.TryAddSingleton<SiteExporter>();
        services.TryAddSingleton<IMediaFiles, StoredMediaFiles>();
        return services;
    }
}
