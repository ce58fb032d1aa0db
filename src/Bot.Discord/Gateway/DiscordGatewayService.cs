using System.Net.WebSockets;
using System.Text.Json;
using Bot.Core.Hosting;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// The gateway connection: HELLO, heartbeats with jitter and an ack check, IDENTIFY (or RESUME with the
/// session id on resume_gateway_url after a drop), and reconnects with exponential backoff.
/// </summary>
public sealed class DiscordGatewayService(
    IDiscordRestClient rest,
    GatewayEventHandlers events,
    IdentifyGate identifyGate,
    ApplicationFailure failure,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private const int ShardId = 0;
    private readonly GatewaySession _session = new();
    private GatewayBot? _gatewayBot;
    private long _heartbeatsAcknowledged;

    /// <summary>Heartbeat ACKs received over all connections: a health figure, and what tests wait on before moving the clock.</summary>
    public long HeartbeatsAcknowledged => Interlocked.Read(ref _heartbeatsAcknowledged);

    /// <summary>True once READY has given a session that a dropped connection can resume.</summary>
    public bool HasSession => _session.CanResume;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // In-flight interactions finish and answer, unless the host's shutdown timeout runs out first.
        await events.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        events.Start();
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = backoff * (0.5 + Random.Shared.NextDouble());
            try
            {
                var end = await RunConnectionAsync(stoppingToken);
                if (end.FatalCode is { } fatal)
                {
                    failure.Fail("Discord closed the gateway with " + GatewayCloseCodes.Describe(fatal) + ".");
                    return;
                }

                if (end.WasHealthy || end.Expected)
                {
                    // Asked to reconnect (op 7, op 9) or a zombie connection: routine, not a failure to back off from.
                    backoff = TimeSpan.FromSeconds(1);
                    wait = end.Wait ?? TimeSpan.Zero;
                }
                else
                {
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                }

                logger.LogInformation("Discord gateway connection ended ({CloseCode}); reconnecting", end.CloseCode);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordTokenRejectedException)
            {
                // The REST client has already told the operator and stopped the host.
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Discord gateway connection failed; retrying in {Backoff}", wait);
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <param name="Expected">Discord asked for the reconnect, or the heartbeat found a zombie connection.</param>
    /// <param name="Wait">How long to wait before reconnecting, when Discord asks for a wait (op 9).</param>
    private sealed record ConnectionEnd(int? CloseCode, bool WasHealthy, bool Expected = false, int? FatalCode = null, TimeSpan? Wait = null);

    private async Task<ConnectionEnd> RunConnectionAsync(CancellationToken stoppingToken)
    {
        ClientWebSocket? socket = null;
        try
        {
            var resuming = _session.CanResume;
            if (resuming)
            {
                try
                {
                    socket = await ConnectAsync(_session.ResumeUrl!, stoppingToken);
                }
                catch (Exception e) when (e is WebSocketException or HttpRequestException)
                {
                    // The resume URL is gone: start a new session on the URL GET /gateway/bot gives.
                    logger.LogInformation("Could not reach Discord's resume_gateway_url ({Reason}); identifying anew", e.Message);
                    _session.Clear();
                    resuming = false;
                }
            }

            if (socket is null)
            {
                // Read before every identify: its session_start_limit paces identifies.
                _gatewayBot = await rest.GetGatewayBotAsync(stoppingToken);
                socket = await ConnectAsync(options.Value.GatewayUrl ?? _gatewayBot.Url, stoppingToken);
            }

            return await RunSessionAsync(socket, resuming, stoppingToken);
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(string url, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(WithQuery(url), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<ConnectionEnd> RunSessionAsync(ClientWebSocket socket, bool resuming, CancellationToken stoppingToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var ct = connection.Token;
        using var sender = new GatewaySender(socket);
        var hello = await ReceiveAsync(socket, ct);
        if (hello is not { Op: GatewayOpCode.Hello, D: { } helloData })
        {
            return End(socket, false);
        }

        var interval = TimeSpan.FromMilliseconds(helloData.GetProperty("heartbeat_interval").GetDouble());
        var heartbeat = new GatewayHeartbeat(sender, _session, interval, time, logger);
        var heartbeatLoop = heartbeat.RunAsync(socket, ct);

        var token = options.Value.Token;
        if (resuming)
        {
            await sender.SendAsync(GatewayOpCode.Resume, new { token, session_id = _session.SessionId, seq = _session.Sequence }, ct);
        }
        else
        {
            await identifyGate.WaitTurnAsync(_gatewayBot?.SessionStartLimit, ShardId, ct);
            await sender.SendAsync(GatewayOpCode.Identify, new
            {
                token,
                intents = GatewayIntents.Guilds,
                properties = new Dictionary<string, string> { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "bot", ["device"] = "bot" },
            }, ct);
            identifyGate.Sent(_gatewayBot?.SessionStartLimit, ShardId);
        }

        var healthy = false;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var payload = await ReceiveAsync(socket, ct);
                if (payload is null)
                {
                    break;
                }

                if (payload.S is { } sequence)
                {
                    _session.Sequence = sequence;
                }

                switch (payload.Op)
                {
                    case GatewayOpCode.Dispatch when payload is { T: { } name, D: { } data }:
                        healthy |= await OnDispatchAsync(name, data, ct);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await heartbeat.BeatAsync(ct);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        heartbeat.Acked();
                        Interlocked.Increment(ref _heartbeatsAcknowledged);
                        break;
                    case GatewayOpCode.Reconnect:
                        logger.LogInformation("Discord asked the gateway to reconnect");
                        await CloseQuietlyAsync(socket);
                        return new ConnectionEnd(null, healthy, Expected: true);
                    case GatewayOpCode.InvalidSession:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        logger.LogInformation("Discord invalidated the gateway session (resumable: {Resumable})", resumable);
                        if (!resumable)
                        {
                            _session.Clear();
                        }

                        // Discord asks for a wait of 1-5 s before identifying again. The socket is closed
                        // first rather than left unread (heartbeat ACKs would pile up unanswered).
                        await CloseQuietlyAsync(socket);
                        return new ConnectionEnd(null, healthy, Expected: true, Wait: TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble())));
                }
            }
        }
        catch (WebSocketException e)
        {
            logger.LogInformation("Discord gateway connection dropped: {Reason}", e.Message);
        }
        catch (OperationCanceledException) when (heartbeat.Zombie && !stoppingToken.IsCancellationRequested)
        {
            // The heartbeat aborted the socket under a pending receive, which then reads as "Aborted": the
            // expected end of a zombie connection, not a failure whose backoff would delay the resume.
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeatLoop;
        }

        if (heartbeat.Zombie)
        {
            return new ConnectionEnd(null, healthy, Expected: true);
        }

        return End(socket, healthy);
    }

    private ConnectionEnd End(ClientWebSocket socket, bool healthy)
    {
        var code = (int?)socket.CloseStatus;
        if (code is { } closed && GatewayCloseCodes.EndsSession(closed))
        {
            _session.Clear();
        }

        return new ConnectionEnd(code, healthy, FatalCode: code is { } c && GatewayCloseCodes.IsFatal(c) ? c : null);
    }

    private async ValueTask<bool> OnDispatchAsync(string name, JsonElement data, CancellationToken ct)
    {
        switch (name)
        {
            case "READY":
                _session.SessionId = data.GetProperty("session_id").GetString();
                _session.ResumeUrl = data.TryGetProperty("resume_gateway_url", out var resumeUrl) ? resumeUrl.GetString() : null;
                logger.LogInformation("Discord gateway ready");
                return true;
            case "RESUMED":
                logger.LogInformation("Discord gateway session resumed");
                return true;
            default:
                // Cloned: the element belongs to a document the receive loop is about to reuse.
                await events.EnqueueAsync(new GatewayEvent(name, data.Clone(), time.GetUtcNow()), ct);
                return false;
        }
    }

    private static Uri WithQuery(string url) =>
        new(url.TrimEnd('/') + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "v=10&encoding=json");

    private static async Task<GatewayPayload?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                break;
            }
        }

        message.Position = 0;
        return await JsonSerializer.DeserializeAsync<GatewayPayload>(message, DiscordJson.Options, ct);
    }

    internal static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            // A non-1000 code keeps the session resumable.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
