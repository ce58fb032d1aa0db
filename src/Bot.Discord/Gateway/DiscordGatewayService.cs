using System.Net.WebSockets;
using System.Text.Json;
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
    GatewayDispatcher dispatcher,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private readonly GatewaySession _session = new();
    private string? _gatewayUrl;

    /// <summary>True once READY has given a session that a dropped connection can resume.</summary>
    public bool HasSession => _session.CanResume;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var end = await RunConnectionAsync(stoppingToken);
                if (end.Fatal)
                {
                    logger.LogCritical("Discord closed the gateway with {CloseCode}: the token or intents are wrong; stopping", end.CloseCode);
                    lifetime.StopApplication();
                    return;
                }

                if (end.WasHealthy)
                {
                    backoff = TimeSpan.FromSeconds(1);
                }

                logger.LogInformation("Discord gateway connection ended ({CloseCode}); reconnecting", end.CloseCode);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Discord gateway connection failed; retrying in {Backoff}", backoff);
            }

            try
            {
                await Task.Delay(backoff * (0.5 + Random.Shared.NextDouble()), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }

    private sealed record ConnectionEnd(int? CloseCode, bool WasHealthy, bool Fatal);

    private async Task<ConnectionEnd> RunConnectionAsync(CancellationToken stoppingToken)
    {
        var resuming = _session.CanResume;
        var url = resuming ? _session.ResumeUrl! : await GatewayUrlAsync(stoppingToken);
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var ct = connection.Token;
        await socket.ConnectAsync(WithQuery(url), ct);
        using var sender = new GatewaySender(socket);

        var hello = await ReceiveAsync(socket, ct);
        if (hello is not { Op: GatewayOpCode.Hello, D: { } helloData })
        {
            return new ConnectionEnd((int?)socket.CloseStatus, false, false);
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
            await sender.SendAsync(GatewayOpCode.Identify, new
            {
                token,
                intents = GatewayIntents.Guilds,
                properties = new Dictionary<string, string> { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "bot", ["device"] = "bot" },
            }, ct);
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
                        healthy |= OnDispatch(name, data, stoppingToken);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await heartbeat.BeatAsync(ct);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        heartbeat.Acked();
                        break;
                    case GatewayOpCode.Reconnect:
                        logger.LogInformation("Discord asked the gateway to reconnect");
                        await CloseQuietlyAsync(socket);
                        return new ConnectionEnd(null, healthy, false);
                    case GatewayOpCode.InvalidSession:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        logger.LogInformation("Discord invalidated the gateway session (resumable: {Resumable})", resumable);
                        if (!resumable)
                        {
                            _session.Clear();
                        }

                        // Discord asks for a wait of 1-5 s before identifying again.
                        await Task.Delay(TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble())), time, ct);
                        await CloseQuietlyAsync(socket);
                        return new ConnectionEnd(null, healthy, false);
                }
            }
        }
        catch (WebSocketException e)
        {
            logger.LogInformation("Discord gateway connection dropped: {Reason}", e.Message);
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeatLoop;
        }

        var code = (int?)socket.CloseStatus;
        if (code is { } closed && GatewayCloseCodes.EndsSession(closed))
        {
            _session.Clear();
        }

        return new ConnectionEnd(code, healthy, code is { } c && GatewayCloseCodes.IsFatal(c));
    }

    private bool OnDispatch(string name, JsonElement data, CancellationToken stoppingToken)
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
                var copy = data.Clone();
                _ = Task.Run(() => dispatcher.DispatchAsync(name, copy, stoppingToken), stoppingToken);
                return false;
        }
    }

    private async Task<string> GatewayUrlAsync(CancellationToken ct)
    {
        if (options.Value.GatewayUrl is { } configured)
        {
            return configured;
        }

        return _gatewayUrl ??= (await rest.GetGatewayBotAsync(ct)).Url;
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
