using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;
using Bot.Telegram.Api;
using Telegram.Bot.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Hosting;

/// <summary>
/// Announces the bot at start: the command menu in English and Chinese, and the webhook when one is
/// configured. None of this is essential to running, so a failure is logged and the bot carries on.
/// </summary>
public sealed class TelegramStartupService(
    ITelegramApi client,
    TelegramBotIdentity identity,
    CommandCatalog catalog,
    IOptions<TelegramOptions> options,
    ILogger<TelegramStartupService> logger) : BackgroundService
{
    /// <summary>The menu: every command on Telegram except admins' ones, which /help lists for admins.</summary>
    public static IReadOnlyList<BotCommand> Commands(CommandCatalog catalog, Language language) =>
        catalog.On(Platform.Telegram)
            .Where(c => !c.AdminOnly)
            .Select(c => new BotCommand(c.Name, c.Description(language)))
            .ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Try("getMe", async ct =>
        {
            var me = await identity.GetAsync(ct);
            logger.LogInformation("Telegram bot @{Username} ({BotId}) is starting", me.Username, me.Id);
        }, stoppingToken);
        await Try("setMyCommands", ct => client.SetMyCommands(Commands(catalog, Language.English), null, ct), stoppingToken);
        await Try("setMyCommands zh", ct => client.SetMyCommands(Commands(catalog, Language.Chinese), "zh", ct), stoppingToken);
        if (options.Value is { UsesWebhook: true, WebhookUrl: { } url, WebhookSecret: { } secret })
        {
            await Try("setWebhook", ct => client.SetWebhook(url, secret, TelegramPollingService.AllowedUpdates, ct), stoppingToken);
        }
    }

    private async Task Try(string what, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        try
        {
            await call(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Telegram {Call} failed at start; the bot keeps running", what);
        }
    }
}
