using Bot.Core.Delivery;
using Bot.Telegram.Api;
using Bot.Telegram.Delivery;
using Bot.Telegram.Hosting;
using Bot.Telegram.Rendering;
using Bot.Telegram.Replies;
using Bot.Telegram.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    private const string HttpClientName = "telegram";

    /// <summary>Registers the Telegram adapter (client, receiver, delivery channel) when Telegram:Token is set.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, TelegramRateValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The default HttpClient logging writes request URLs, and Telegram's URLs contain the token.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton<ITelegramApi>(sp => new TelegramApi(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton<TelegramArticleRenderer>();
        services.TryAddSingleton<TelegramPartSender>();
        services.TryAddSingleton<TelegramDeliveryChannel>();
        services.AddSingleton<IDeliveryChannel>(sp => sp.GetRequiredService<TelegramDeliveryChannel>());
        services.TryAddSingleton<TelegramReplySender>();
        services.AddSingleton<Bot.Core.Sources.IAdminMessenger, TelegramAdminMessenger>();
        services.TryAddSingleton<TelegramIncomingFiles>();
        services.TryAddSingleton<TelegramUpdateDispatcher>();
        services.TryAddSingleton<TelegramUpdateIntake>();
        services.TryAddSingleton<TelegramWebhookEndpoint>();
        services.TryAddScoped<TelegramUpdateHandler>();
        services.TryAddScoped<MessageResponder>();
        services.TryAddScoped<CallbackResponder>();
        services.TryAddScoped<InlineQueryResponder>();
        services.TryAddScoped<MembershipResponder>();

        // Registered before polling, so it stops after it: the webhook's in-flight updates are waited for too.
        services.AddHostedService(sp => sp.GetRequiredService<TelegramUpdateIntake>());
        services.AddHostedService<TelegramStartupService>();
        services.AddHostedService<TelegramPollingService>();
        return services;
    }

    /// <summary>Maps the adapter's HTTP endpoints (webhook / interactions) on the host's web server.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder endpoints)
    {
        // Nothing to map when Telegram is off or polls.
        if (endpoints.ServiceProvider.GetService<TelegramWebhookEndpoint>() is not { } webhook
            || !endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.UsesWebhook)
        {
            return endpoints;
        }

        endpoints.MapPost(TelegramWebhookEndpoint.Path, webhook.HandleAsync);
        return endpoints;
    }
}
