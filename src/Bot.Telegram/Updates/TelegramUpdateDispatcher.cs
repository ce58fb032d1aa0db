using Telegram.Bot.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Telegram.Updates;

/// <summary>
/// Runs each update in a fresh DI scope. An update that fails is logged and dropped: one bad message
/// must never stop the bot from reading the next ones.
/// </summary>
public sealed partial class TelegramUpdateDispatcher(IServiceScopeFactory scopes, ILogger<TelegramUpdateDispatcher> logger)
{
    public async Task DispatchAsync(Update update, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogUpdateFailed(ex, update.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} failed; moving on to the next")]
    private partial void LogUpdateFailed(Exception exception, long updateId);
}
