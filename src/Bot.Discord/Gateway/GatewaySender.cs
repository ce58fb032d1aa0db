using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models;

namespace Bot.Discord.Gateway;

/// <summary>Serializes sends: the heartbeat and the receive loop share one socket, which allows one send at a time.</summary>
public sealed class GatewaySender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync(int op, object? data, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new GatewayFrame(op, data), DiscordJson.Options);
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

    // `d` is written even when null: a heartbeat before the first sequence number is {"op":1,"d":null}.
    private sealed record GatewayFrame(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? D);
}
