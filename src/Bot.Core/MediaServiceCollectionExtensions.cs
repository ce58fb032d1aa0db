using Bot.Core.Media;
using Bot.Core.Storage.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The image archive: catalog, files, archiver, and the archiver's adapter of the safe fetch client (AddFetching registers it).</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IMediaCatalog, SqliteMediaCatalog>();
        services.TryAddSingleton<MediaFiles>();
        services.TryAddSingleton<IMediaFetcher, SafeMediaFetcher>();
        services.TryAddSingleton<MediaArchiver>();
        services.TryAddSingleton<MediaPruner>();
        services.TryAddSingleton<MediaUploads>();
        return services;
    }
}
