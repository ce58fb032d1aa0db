using Bot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.ConsoleChat;

public static class ConsoleChatServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, TextWriter output)
    {
        services.AddSingleton(new ConsoleOutput(output));
        services.AddSingleton<IDeliveryChannel, ConsoleDeliveryChannel>();
        services.AddSingleton<ConsoleChatLoop>();
        services.AddSingleton<ConsoleDrain>();
        return services;
    }
}
