using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

/// <summary>
/// The gateway: HELLO, heartbeat acks, IDENTIFY → READY (with resume_gateway_url pointing back here),
/// RESUME → RESUMED for the current session or INVALID_SESSION otherwise, dispatches from the test,
/// and drops on demand.
/// </summary>
public sealed partial class FakeDiscord
{
    private readonly Lock _gatewayLock = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private WebSocket? _socket;
    private string? _sessionId;
    private int _sequence;
    private bool _ready;
    private int _identifies;
    private int _resumes;
    private int _heartbeats;
    private int _resumesReceived;
    private int _connections;
    private int _heartbeatsWithoutD;
    private int _identifiesTooSoon;
    private DateTimeOffset? _lastIdentify;
    private readonly List<JsonObject> _dispatched = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _interactionsSent = new();

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    /// <summary>Sent in HELLO; small values make heartbeats observable in a test.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>When false, heartbeats go unanswered, which a healthy client treats as a zombie connection.</summary>
    public bool AckHeartbeats { get; set; } = true;

    public int Identifies => Volatile.Read(ref _identifies);

    public int Resumes => Volatile.Read(ref _resumes);

    /// <summary>RESUME frames received, answered or not yet (see <see cref="ResumeGate"/>).</summary>
    public int ResumesReceived => Volatile.Read(ref _resumesReceived);

    /// <summary>When set, a RESUME is held until the test completes it: "while the client is away" is then a known moment.</summary>
    public TaskCompletionSource? ResumeGate { get; set; }

    public int Heartbeats => Volatile.Read(ref _heartbeats);

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Heartbeats sent as {"op":1} with no "d" at all; Discord expects "d": null before the first sequence.</summary>
    public int HeartbeatsWithoutD => Volatile.Read(ref _heartbeatsWithoutD);

    /// <summary>Identifies less than 5 s after the previous one (max_concurrency 1); Discord answers them with op 9.</summary>
    public int IdentifiesTooSoon => Volatile.Read(ref _identifiesTooSoon);

    /// <summary>session_start_limit.remaining served by GET /gateway/bot; each identify takes one.</summary>
    public int SessionStartsRemaining { get; set; } = 1000;

    /// <summary>Sent in READY as resume_gateway_url instead of this gateway's own URL (e.g. one that no longer answers).</summary>
    public string? ResumeUrlOverride { get; set; }

    /// <summary>Sends op 1 right after HELLO, before the client has any sequence number.</summary>
    public bool RequestHeartbeatOnHello { get; set; }

    /// <summary>A connection has identified or resumed and can receive dispatches.</summary>
    public bool GatewayReady
    {
        get
        {
            lock (_gatewayLock)
            {
                return _ready;
            }
        }
    }

    public JsonObject? LastIdentify { get; private set; }

    public JsonObject? LastResume { get; private set; }

    /// <summary>Sends a dispatch event (INTERACTION_CREATE, CHANNEL_DELETE…) on the current connection.</summary>
    public async Task DispatchAsync(string eventName, JsonNode data)
    {
        await WaitForAsync(f => f.GatewayReady, "a ready gateway connection");
        WebSocket socket;
        JsonObject frame;
        lock (_gatewayLock)
        {
            socket = _socket!;
            frame = Logged(eventName, data);
        }

        await SendAsync(socket, frame);
    }

    /// <summary>An event that happens while the client is away: it is sent when the session is resumed.</summary>
    public void DispatchWhileDisconnected(string eventName, JsonNode data)
    {
        lock (_gatewayLock)
        {
            Logged(eventName, data);
        }
    }

    /// <summary>Sends any gateway frame: op 7 Reconnect, op 1 Heartbeat request, op 9 with d true or false…</summary>
    public async Task SendToClientAsync(JsonObject frame)
    {
        await WaitForAsync(f => f.GatewayReady, "a ready gateway connection");
        WebSocket socket;
        lock (_gatewayLock)
        {
            socket = _socket!;
        }

        await SendAsync(socket, frame);
    }

    /// <summary>Closes the connection with a gateway close code (4004 authentication failed, 4009 session timed out…).</summary>
    public async Task CloseGatewayAsync(int code)
    {
        await WaitForAsync(f => f.GatewayReady, "a ready gateway connection");
        WebSocket socket;
        lock (_gatewayLock)
        {
            socket = _socket!;
            _ready = false;
            if (code is 4007 or 4009)
            {
                _sessionId = null;
            }
        }

        await _sendGate.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the test", CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>When the interaction with this token was dispatched, on the fake's clock (for the 3-second rule).</summary>
    internal DateTimeOffset? InteractionSentAt(string token) => _interactionsSent.TryGetValue(token, out var at) ? at : null;

    private JsonObject Logged(string eventName, JsonNode data)
    {
        var frame = new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = ++_sequence, ["d"] = data.DeepClone() };
        _dispatched.Add(frame);
        if (eventName == "INTERACTION_CREATE" && (string?)data["token"] is { } token)
        {
            _interactionsSent[token] = _time.GetUtcNow();
        }

        return frame;
    }

    /// <summary>Drops the connection without a close frame, as a network failure would; the session stays resumable.</summary>
    public void DropConnection() => AbortGateway();

    /// <summary>Forgets the session, so the next RESUME is answered with INVALID_SESSION (not resumable).</summary>
    public void ForgetSession()
    {
        lock (_gatewayLock)
        {
            _sessionId = null;
        }
    }

    private void AbortGateway()
    {
        WebSocket? socket;
        lock (_gatewayLock)
        {
            socket = _socket;
            _socket = null;
            _ready = false;
        }

        socket?.Abort();
        Changed.Pulse();
    }

    private void MapGateway(WebApplication app) => app.Map("/gateway", async (HttpContext http) =>
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        lock (_gatewayLock)
        {
            _socket = socket;
            _ready = false;
        }

        Interlocked.Increment(ref _connections);
        Changed.Pulse();
        try
        {
            await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
            if (RequestHeartbeatOnHello)
            {
                await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = null });
            }

            while (socket.State == WebSocketState.Open)
            {
                var frame = await ReceiveAsync(socket);
                if (frame is null)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                await OnFrameAsync(socket, frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped on purpose or by the client.
        }
        finally
        {
            lock (_gatewayLock)
            {
                if (_socket == socket)
                {
                    _socket = null;
                    _ready = false;
                }
            }

            Changed.Pulse();
        }
    });

    private async Task OnFrameAsync(WebSocket socket, JsonObject frame)
    {
        switch ((int?)frame["op"])
        {
            case 1:
                Interlocked.Increment(ref _heartbeats);
                if (!frame.ContainsKey("d"))
                {
                    Interlocked.Increment(ref _heartbeatsWithoutD);
                }

                if (AckHeartbeats)
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                LastIdentify = frame["d"] as JsonObject;
                var now = _time.GetUtcNow();
                bool tooSoon;
                lock (_gatewayLock)
                {
                    tooSoon = _lastIdentify is { } last && now - last < TimeSpan.FromSeconds(5);
                    _lastIdentify = now;
                }

                if (tooSoon)
                {
                    // Over max_concurrency: Discord refuses the identify with an invalid session.
                    Interlocked.Increment(ref _identifiesTooSoon);
                    await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false });
                    break;
                }

                SessionStartsRemaining--;
                string session;
                lock (_gatewayLock)
                {
                    session = _sessionId = "session-" + NextId();
                    _sequence = 1;
                    _dispatched.Clear();
                    _ready = true;
                }

                Interlocked.Increment(ref _identifies);
                await SendAsync(socket, new JsonObject
                {
                    ["op"] = 0,
                    ["t"] = "READY",
                    ["s"] = 1,
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "fakebot", ["bot"] = true },
                        ["session_id"] = session,
                        ["resume_gateway_url"] = ResumeUrlOverride ?? GatewayUrl,
                        ["application"] = new JsonObject { ["id"] = ApplicationId },
                        ["guilds"] = new JsonArray(),
                    },
                });
                break;
            case 6:
                LastResume = frame["d"] as JsonObject;
                Interlocked.Increment(ref _resumesReceived);
                Changed.Pulse();
                if (ResumeGate is { } gate)
                {
                    await gate.Task;
                }

                bool valid;
                int sequence;
                List<JsonObject> missed;
                lock (_gatewayLock)
                {
                    valid = _sessionId is not null && (string?)frame["d"]?["session_id"] == _sessionId;
                    var seen = (int?)frame["d"]?["seq"] ?? 0;
                    missed = valid ? _dispatched.Where(e => (int)e["s"]! > seen).Select(e => (JsonObject)e.DeepClone()).ToList() : [];
                    _ready = valid;
                    sequence = ++_sequence;
                }

                if (valid)
                {
                    Interlocked.Increment(ref _resumes);

                    // Events the client missed are replayed before RESUMED.
                    foreach (var replayed in missed)
                    {
                        await SendAsync(socket, replayed);
                    }

                    await SendAsync(socket, new JsonObject { ["op"] = 0, ["t"] = "RESUMED", ["s"] = sequence, ["d"] = new JsonObject() });
                }
                else
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false });
                }

                break;
        }

        Changed.Pulse();
    }

    private async Task SendAsync(WebSocket socket, JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await _sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray()) as JsonObject;
            }
        }
    }
}
