using System.Text;
using Bot.Core.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>Registers the one <see cref="IFetcher"/> for everything fetched from outside, with <c>Fetch:*</c> options.</summary>
    public static IServiceCollection AddFetching(this IServiceCollection services, IConfiguration configuration)
    {
        // Feeds and pages declare GBK, GB18030, Big5 and other code pages that .NET Core leaves out by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddOptions<FetchOptions>()
            .Bind(configuration.GetSection(FetchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFetcher, SafeFetcher>();
        return services;
    }
}
