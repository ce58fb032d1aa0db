using Bot.Core.Links;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class LinksServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ArticleLinks"/> and validates Web:PublicUrl at start.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicUrlOptions>()
            .Bind(configuration.GetSection(PublicUrlOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || IsWebAddress(o.PublicUrl), "Web:PublicUrl must be an absolute http(s) address, e.g. https://archive.example.org/")
            .ValidateOnStart();
        services.TryAddSingleton<ArticleLinks>();
        return services;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
