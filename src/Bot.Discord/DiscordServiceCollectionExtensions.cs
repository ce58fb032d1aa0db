using Bot.Core.Delivery;
using Bot.Core.Hosting;
using Bot.Discord.Commands;
using Bot.Discord.Delivery;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

public static class DiscordServiceCollectionExtensions
{
    public const string InteractionsPath = "/discord/interactions";

    /// <summary>Registers the Discord adapter (client, receiver, delivery channel) when Discord:Token is set.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApplicationFailure>();
        services.TryAddSingleton<GlobalRequestBudget>();
        services.TryAddSingleton<InvalidRequestCounter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<IDiscordRestClient>(provider => provider.GetRequiredService<DiscordRestClient>());
        services.AddSingleton<DiscordApplicationInfo>();
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<Bot.Core.Sources.IAdminMessenger, Notices.DiscordAdminMessenger>();
        services.AddSingleton<InteractionHandler>();
        services.AddScoped<TagAutocomplete>();
        services.AddSingleton<DiscordDeliveryChannel>();
        services.AddSingleton<IDeliveryChannel>(provider => provider.GetRequiredService<DiscordDeliveryChannel>());
        services.AddHostedService<CommandRegistrar>();

        var mode = section.GetValue(nameof(DiscordOptions.Interactions), DiscordInteractionMode.Gateway);
        if (mode == DiscordInteractionMode.Http)
        {
            services.AddSingleton(provider => new InteractionSignature(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
            services.AddSingleton<HttpInteractionEndpoint>();
        }
        else
        {
            services.AddSingleton<IGatewayDispatcher, GatewayDispatcher>();
            services.AddSingleton<GatewayEventHandlers>();
            services.AddSingleton<IdentifyGate>();
            services.AddSingleton<DiscordGatewayService>();
            services.AddHostedService(provider => provider.GetRequiredService<DiscordGatewayService>());
        }

        return services;
    }

    /// <summary>Maps POST /discord/interactions when Discord:Interactions is http; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<HttpInteractionEndpoint>() is not null)
        {
            endpoints.MapPost(InteractionsPath, (HttpContext context) => context.RequestServices.GetRequiredService<HttpInteractionEndpoint>().HandleAsync(context));
        }

        return endpoints;
    }
}
