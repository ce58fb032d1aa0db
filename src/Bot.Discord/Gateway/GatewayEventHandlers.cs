using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Dispatch events wait here for a fixed number of handlers, so the receive loop never waits on Core
/// and a burst of events cannot start unbounded work. When the queue is full the receive loop waits
/// (Discord buffers); stopping lets the handlers finish what they took and what is queued (cut short
/// only when the host's shutdown timeout runs out), and a failure is logged with the event and, for
/// interactions, the interaction's id.
/// </summary>
public sealed class GatewayEventHandlers(IGatewayDispatcher dispatcher, ILogger<GatewayEventHandlers> logger) : IDisposable
{
    public const int Capacity = 256;

    /// <summary>Enough for a few slow commands not to hold up the rest; SQLite writes are serial anyway.</summary>
    public static readonly int Handlers = Math.Clamp(Environment.ProcessorCount * 2, 4, 16);

    private readonly Channel<GatewayEvent> _events = Channel.CreateBounded<GatewayEvent>(
        new BoundedChannelOptions(Capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _abort = new();
    private Task _handlers = Task.CompletedTask;

    /// <summary>Events waiting for a handler.</summary>
    public int Waiting => _events.Reader.Count;

    public void Start() =>
        _handlers = Task.WhenAll(Enumerable.Range(0, Handlers).Select(_ => Task.Run(() => HandleAsync(_abort.Token), CancellationToken.None)));

    public ValueTask EnqueueAsync(GatewayEvent gatewayEvent, CancellationToken ct) => _events.Writer.WriteAsync(gatewayEvent, ct);

    /// <summary>
    /// No more events are taken; completes when the handlers have finished what they hold and what is
    /// queued. When <paramref name="ct"/> (the host's shutdown timeout) fires first, their work is cancelled.
    /// </summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _events.Writer.TryComplete();
        try
        {
            await _handlers.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopping before {Waiting} queued Discord events and those in hand were handled", Waiting);
            await _abort.CancelAsync();
            await _handlers;
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task HandleAsync(CancellationToken ct)
    {
        await foreach (var gatewayEvent in _events.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await dispatcher.DispatchAsync(gatewayEvent.Name, gatewayEvent.Data, gatewayEvent.ReceivedAt, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The shutdown timeout ran out.
            }
            catch (Exception e)
            {
                logger.LogError(e, "Discord gateway event {EventName} failed (interaction {InteractionId})", gatewayEvent.Name, InteractionId(gatewayEvent));
            }
        }
    }

    private static string? InteractionId(GatewayEvent gatewayEvent) =>
        gatewayEvent.Name == "INTERACTION_CREATE" && gatewayEvent.Data.TryGetProperty("id", out var id) ? id.GetString() : null;
}

/// <summary>A dispatch (op 0) as read from the socket, with the time it was read.</summary>
public sealed record GatewayEvent(string Name, JsonElement Data, DateTimeOffset ReceivedAt);
