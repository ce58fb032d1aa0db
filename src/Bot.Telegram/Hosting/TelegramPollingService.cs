using System.Globalization;
using Bot.Core.Storage;
using Bot.Telegram.Api;
using Bot.Telegram.Updates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Hosting;

/// <summary>
/// Long-polls getUpdates (when no webhook is configured). The offset is stored in SQLite after each
/// update is handled, so a restart neither loses nor repeats updates; errors back off up to a minute.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient client,
    TelegramUpdateDispatcher dispatcher,
    IBotStateStore state,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const string OffsetKey = "telegram:update_offset";

    public static IReadOnlyList<string> AllowedUpdates { get; } = ["message", "callback_query", "inline_query"];

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UsesWebhook)
        {
            return;
        }

        await RemoveWebhookAsync(stoppingToken);
        var offset = await LoadOffsetAsync(stoppingToken);
        var backoff = TimeSpan.FromSeconds(1);
        LogPolling(offset);
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Api.Types.Update> updates;
            try
            {
                updates = await client.GetUpdates(offset, options.Value.PollTimeoutSeconds, AllowedUpdates, stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                // A wrong or revoked token: polling can never succeed, so the host stops with a clear line.
                LogFatal(ex, ex.ErrorCode);
                lifetime.StopApplication();
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(ex, backoff.TotalSeconds);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            foreach (var update in updates.OrderBy(u => u.UpdateId))
            {
                if (update.UpdateId < offset)
                {
                    continue;
                }

                await dispatcher.DispatchAsync(update, stoppingToken);
                offset = update.UpdateId + 1;
                await SaveOffsetAsync(offset.Value, stoppingToken);
            }
        }
    }

    private async Task RemoveWebhookAsync(CancellationToken ct)
    {
        // getUpdates refuses to work while a webhook is set, e.g. after switching modes.
        try
        {
            await client.DeleteWebhook(dropPendingUpdates: false, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "deleteWebhook failed; polling anyway");
        }
    }

    private async Task<long?> LoadOffsetAsync(CancellationToken ct)
    {
        var stored = await state.GetAsync(OffsetKey, ct);
        return long.TryParse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private async Task SaveOffsetAsync(long offset, CancellationToken ct)
    {
        try
        {
            await state.SetAsync(OffsetKey, offset.ToString(CultureInfo.InvariantCulture), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next getUpdates still confirms the offset to Telegram; only a restart would repeat this update.
            logger.LogWarning(ex, "Could not store the Telegram update offset {Offset}", offset);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Telegram for updates from offset {Offset}")]
    private partial void LogPolling(long? offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed; retrying in {Seconds}s")]
    private partial void LogPollFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token ({ErrorCode}); check Telegram:Token. Stopping.")]
    private partial void LogFatal(Exception exception, int errorCode);
}
