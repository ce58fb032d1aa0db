using Bot.Core.Commands;
using Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Commands;

/// <summary>Registers the slash commands once at start with a bulk overwrite (globally, or in Discord:GuildId).</summary>
public sealed class CommandRegistrar(
    IDiscordRestClient rest,
    DiscordApplicationInfo application,
    CommandCatalog catalog,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        var commands = SlashCommands.FromCatalog(catalog);
        try
        {
            var app = await application.GetAsync(cancellationToken);
            if (options.Value.GuildId is { } guildId)
            {
                await rest.BulkOverwriteGuildApplicationCommandsAsync(app.Id, guildId, commands, cancellationToken);
                logger.LogInformation("Registered {CommandCount} Discord commands in guild {GuildId}", commands.Count, guildId);
            }
            else
            {
                await rest.BulkOverwriteGlobalApplicationCommandsAsync(app.Id, commands, cancellationToken);
                logger.LogInformation("Registered {CommandCount} global Discord commands", commands.Count);
            }
        }
        catch (DiscordTokenRejectedException)
        {
            // The REST client has told the operator and is stopping the host (exit code 3); a throw here
            // would instead crash the start with an unhandled exception.
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException or DiscordRateLimitedException)
        {
            // Commands registered earlier keep working; the next start tries again.
            logger.LogError(e, "Registering Discord commands failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
