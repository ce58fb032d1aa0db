using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Beats every interval, the first after a random fraction of it (so restarted bots do not beat in
/// step). A beat that was never acknowledged means a zombie connection: it is closed so the service
/// resumes on a fresh one.
/// </summary>
public sealed class GatewayHeartbeat(GatewaySender sender, GatewaySession session, TimeSpan interval, TimeProvider time, ILogger logger)
{
    private int _acked = 1;
    private int _zombie;

    /// <summary>The connection was closed here because a heartbeat went unacknowledged: an expected reconnect.</summary>
    public bool Zombie => Volatile.Read(ref _zombie) == 1;

    public void Acked() => Volatile.Write(ref _acked, 1);

    public Task BeatAsync(CancellationToken ct)
    {
        Volatile.Write(ref _acked, 0);
        return sender.SendAsync(GatewayOpCode.Heartbeat, session.Sequence, ct);
    }

    public async Task RunAsync(ClientWebSocket socket, CancellationToken ct)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, ct);
            while (!ct.IsCancellationRequested)
            {
                if (Volatile.Read(ref _acked) == 0)
                {
                    logger.LogWarning("Discord did not acknowledge the last heartbeat; reconnecting");
                    Volatile.Write(ref _zombie, 1);
                    await DiscordGatewayService.CloseQuietlyAsync(socket);
                    socket.Abort();
                    return;
                }

                await BeatAsync(ct);
                await Task.Delay(interval, time, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (WebSocketException)
        {
            // The receive loop sees the same drop and reconnects.
        }
    }
}
