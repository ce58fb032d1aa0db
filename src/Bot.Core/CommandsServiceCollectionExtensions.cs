using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Commands.Callbacks;
using Bot.Core.Commands.Handlers;
using Bot.Core.Configuration;
using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>Registers the command handlers, IChatBot, conversations and admins.</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<AdminList>();
        services.TryAddSingleton<SqliteConversationStore>();
        services.TryAddSingleton<SqliteSavedSearches>();
        services.TryAddSingleton<SearchReplies>();
        services.TryAddSingleton<ScheduleReplies>();
        services.TryAddSingleton<PostIntake>();
        services.TryAddSingleton<ReadHandler>();
        services.TryAddSingleton(sp => new CommandCatalog(sp.GetServices<ICommandHandler>()));
        services.TryAddSingleton<IChatBot, ChatBot>();

        services.AddSingleton<ICommandHandler, StartHandler>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, SubscribeHandler>();
        services.AddSingleton<ICommandHandler, UnsubscribeHandler>();
        services.AddSingleton<ICommandHandler, SubscriptionsHandler>();
        services.AddSingleton<ICommandHandler, PauseHandler>();
        services.AddSingleton<ICommandHandler, ResumeHandler>();
        services.AddSingleton<ICommandHandler, DigestHandler>();
        services.AddSingleton<ICommandHandler, QuietHandler>();
        services.AddSingleton<ICommandHandler, TimeZoneHandler>();
        services.AddSingleton<ICommandHandler, TagsHandler>();
        services.AddSingleton<ICommandHandler, LatestHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ReadHandler>());
        services.AddSingleton<ICommandHandler, SearchHandler>();
        services.AddSingleton<ICommandHandler, PostHandler>();
        services.AddSingleton<ICommandHandler, SourcesHandler>();
        services.AddSingleton<ICommandHandler, AddSourceHandler>();
        services.AddSingleton<ICommandHandler, RemoveSourceHandler>();
        services.AddSingleton<ICommandHandler, CancelHandler>();
        services.AddSingleton<ICommandHandler, ScheduleHandler>();
        services.AddSingleton<ICommandHandler, RetractHandler>();
        services.AddSingleton<ICommandHandler, StatsHandler>();

        services.AddSingleton<ICallbackHandler, SearchPageCallback>();
        services.AddSingleton<ICallbackHandler, PublishCallback>();
        services.AddSingleton<ICallbackHandler, ScheduleCallback>();
        services.AddSingleton<ICallbackHandler, DiscardCallback>();
        return services;
    }
}
