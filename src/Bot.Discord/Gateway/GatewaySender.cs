using System.Net.WebSockets;
using System.Text.Json;
using Bot.Discord.Models;

namespace Bot.Discord.Gateway;

/// <summary>Serializes sends: the heartbeat and the receive loop share one socket, which allows one send at a time.</summary>
public sealed class GatewaySender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(int op, object? data, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { op, d = data }, DiscordJson.Options);
        await _gate.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
