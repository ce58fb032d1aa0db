using System.Globalization;
using Telegram.Bot.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Updates;

/// <summary>
/// Where polling and the webhook hand updates: handled side by side through the <see cref="UpdateScheduler"/>
/// (in order within a chat). Handlers are not cancelled when the host starts stopping: shutdown waits
/// for the in-flight ones, and cancels them only when the host's shutdown time runs out.
/// </summary>
public sealed partial class TelegramUpdateIntake(
    TelegramUpdateDispatcher dispatcher,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateIntake> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();

    public UpdateScheduler Scheduler { get; } = new(Math.Max(1, options.Value.MaxUpdatesInFlight));

    /// <summary>
    /// Queues an update (waiting for a free slot when too many are in flight). Returns its handling,
    /// or null when it is already in flight or handled.
    /// </summary>
    public Task<Task?> EnqueueAsync(Update update, CancellationToken ct) =>
        Scheduler.ScheduleAsync(update.Id, Lane(update), () => dispatcher.DispatchAsync(update, _abort.Token), ct);

    /// <summary>Updates of one chat run one after the other; inline queries, which have no chat, by user.</summary>
    public static string Lane(Update update) => update switch
    {
        { Message.Chat.Id: var chat } => Chat(chat),
        { EditedMessage.Chat.Id: var chat } => Chat(chat),
        { ChannelPost.Chat.Id: var chat } => Chat(chat),
        { CallbackQuery.Message.Chat.Id: var chat } => Chat(chat),
        { CallbackQuery.From.Id: var user } => User(user),
        { InlineQuery.From.Id: var user } => User(user),
        { MyChatMember.Chat.Id: var chat } => Chat(chat),
        _ => "update:" + update.Id.ToString(CultureInfo.InvariantCulture),
    };

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the in-flight updates; when the host's shutdown time runs out, cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = Scheduler.InFlight;
        if (pending == 0)
        {
            return;
        }

        LogDraining(pending);
        try
        {
            await Scheduler.DrainAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(Scheduler.InFlight);
            await _abort.CancelAsync();
            await Scheduler.DrainAsync();
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        Scheduler.Dispose();
    }

    private static string Chat(long id) => "chat:" + id.ToString(CultureInfo.InvariantCulture);

    private static string User(long id) => "user:" + id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} Telegram update(s) still being handled")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown time ran out with {Count} Telegram update(s) unfinished; cancelling them (they are handled again at the next start)")]
    private partial void LogAbandoned(int count);
}
