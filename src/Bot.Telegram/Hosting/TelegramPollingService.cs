using System.Globalization;
using Bot.Core.Storage;
using Bot.Telegram.Api;
using Bot.Telegram.Updates;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Hosting;

/// <summary>
/// Long-polls getUpdates (when no webhook is configured) and hands each update to the
/// <see cref="TelegramUpdateIntake"/>, which handles them side by side. Telegram is told (and SQLite
/// stores) only an offset below which every update was handled, so a restart or a crash re-handles at
/// most the ones that were in flight; errors back off up to a minute.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramApi client,
    TelegramUpdateIntake queue,
    IBotStateStore state,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const string OffsetKey = "telegram:update_offset";

    /// <summary>my_chat_member is only sent when asked for: it tells the bot it was removed, blocked or promoted.</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery, UpdateType.MyChatMember];

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    // Telegram answers at once while unconfirmed (in-flight) updates exist; when a poll brings nothing
    // new, the next one waits for an update to finish or for this long, so a slow handler does not
    // turn polling into a busy loop nor keep new updates waiting for long.
    private static readonly TimeSpan BusyPollInterval = TimeSpan.FromMilliseconds(250);

    // getUpdates' default (and largest) batch.
    private const int MaxBatch = 100;

    private long? _saved;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UsesWebhook)
        {
            return;
        }

        await RemoveWebhookAsync(stoppingToken);
        _saved = await LoadOffsetAsync(stoppingToken);
        queue.Scheduler.TrackOffsets(_saved);

        var backoff = TimeSpan.FromSeconds(1);
        LogPolling(_saved);
        while (!stoppingToken.IsCancellationRequested)
        {
            var offset = queue.Scheduler.ConfirmedOffset ?? _saved;
            await SaveOffsetAsync(offset, stoppingToken);
            IReadOnlyList<Update> updates;
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
                if (!await DelayAsync(backoff, stoppingToken))
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            var fresh = 0;
            try
            {
                foreach (var update in updates.OrderBy(u => u.Id))
                {
                    fresh += await queue.EnqueueAsync(update, stoppingToken) is null ? 0 : 1;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (fresh == 0 && updates.Count >= MaxBatch)
            {
                LogConfirmedUnfinished(queue.Scheduler.InFlight);
                queue.Scheduler.ConfirmPast(updates.Max(u => u.Id) + 1L);
            }
            else if (fresh == 0 && updates.Count > 0)
            {
                var finished = queue.Scheduler.Changed;
                if (!finished.IsCompleted && await Task.WhenAny(finished, DelayAsync(BusyPollInterval, stoppingToken)) != finished && stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stops polling, waits for the updates in flight, then stores the final offset.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await queue.StopAsync(cancellationToken);
        await SaveOffsetAsync(queue.Scheduler.ConfirmedOffset, CancellationToken.None);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
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

    private async Task SaveOffsetAsync(long? offset, CancellationToken ct)
    {
        if (offset is null || offset == _saved)
        {
            return;
        }

        try
        {
            await state.SetAsync(OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), ct);
            _saved = offset;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next getUpdates still confirms the offset to Telegram; only a restart would repeat this update.
            logger.LogWarning(ex, "Could not store the Telegram update offset {Offset}", offset);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Telegram for updates from offset {Offset}")]
    private partial void LogPolling(long? offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "100 handled Telegram updates wait behind {Count} unfinished one(s); confirming past them so newer updates can arrive")]
    private partial void LogConfirmedUnfinished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed; retrying in {Seconds}s")]
    private partial void LogPollFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token ({ErrorCode}); check Telegram:Token. Stopping.")]
    private partial void LogFatal(Exception exception, int errorCode);
}
