using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Discord;

/// <summary>
/// Discord on loopback: the REST routes the bot uses (API v10) with per-route rate-limit buckets and
/// 429s, scripted errors per channel, a CDN for attachments, and a gateway (see the Gateway part).
/// Everything the bot sends is recorded for assertions.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string Token = "fake-discord-token";
    public const string ApplicationId = "900000000000000001";
    public const string BotUserId = ApplicationId;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, FakeGuild> _guilds = new();
    private readonly ConcurrentDictionary<string, FakeChannel> _channels = new();
    private readonly ConcurrentDictionary<string, ScriptedError> _errors = new();
    private readonly ConcurrentDictionary<string, double> _forced429 = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, (int Used, DateTimeOffset ResetAt)> _buckets = new();
    private readonly ConcurrentQueue<RecordedMessage> _messages = new();
    private readonly ConcurrentQueue<(string ChannelId, string MessageId)> _deleted = new();
    private readonly ConcurrentQueue<RecordedInteractionCall> _interactionCalls = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private long _nextId = 1_300_000_000_000_000_000;

    private FakeDiscord(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public FakeDiscordSignal Changed { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    /// <summary>Requests allowed per bucket and window; exceeding them gets a 429 with the window's rest as retry_after.</summary>
    public int BucketLimit { get; set; } = 50;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<RecordedMessage> Messages => [.. _messages];

    public IReadOnlyList<(string ChannelId, string MessageId)> DeletedMessages => [.. _deleted];

    public IReadOnlyList<RecordedInteractionCall> InteractionCalls => [.. _interactionCalls];

    /// <summary>The last bulk overwrite of commands (global or guild).</summary>
    public JsonArray? RegisteredCommands { get; private set; }

    public string? RegisteredInGuild { get; private set; }

    public static async Task<FakeDiscord> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscord(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        fake.MapRest(app);
        fake.MapGateway(app);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public void AddGuild(FakeGuild guild) => _guilds[guild.Id] = guild;

    public void AddChannel(FakeChannel channel) => _channels[channel.Id] = channel;

    /// <summary>Every later request on this channel fails with the error (Unknown Channel, Missing Access, 5xx…).</summary>
    public void FailChannel(string channelId, ScriptedError error) => _errors[channelId] = error;

    public void HealChannel(string channelId) => _errors.TryRemove(channelId, out _);

    /// <summary>The next message to this channel gets a 429 with this retry_after.</summary>
    public void RateLimitNext(string channelId, double retryAfterSeconds) => _forced429[channelId] = retryAfterSeconds;

    /// <summary>Serves a file at a CDN URL for attachment downloads; returns the URL.</summary>
    public string AddFile(string name, byte[] content)
    {
        _files[name] = content;
        return $"{BaseUrl}/cdn/{Uri.EscapeDataString(name)}";
    }

    /// <summary>How many requests reached a route template (e.g. "POST /channels/{channel_id}/messages") for a major parameter.</summary>
    public int RequestCount(string template, string major = "") => _requests.TryGetValue(template + "|" + major, out var n) ? n : 0;

    public IEnumerable<RecordedInteractionCall> CallsFor(string interactionToken) =>
        InteractionCalls.Where(c => c.InteractionToken == interactionToken);

    public Task WaitForAsync(Func<FakeDiscord, bool> condition, string what, TimeSpan? timeout = null) =>
        Changed.WaitForAsync(() => condition(this), what, timeout);

    public async ValueTask DisposeAsync()
    {
        AbortGateway();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private void MapRest(WebApplication app)
    {
        var api = app.MapGroup("/api/v10");
        api.MapGet("/oauth2/applications/@me", (HttpContext http) => Guarded(http, "GET /oauth2/applications/@me", string.Empty, () =>
            Results.Json(new { id = ApplicationId, name = "fake", bot = new { id = BotUserId, username = "fakebot", bot = true }, verify_key = "00" })));
        api.MapGet("/gateway/bot", (HttpContext http) => Guarded(http, "GET /gateway/bot", string.Empty, () =>
            Results.Json(new { url = GatewayUrl, shards = 1 })));
        api.MapPut("/applications/{app}/commands", async (HttpContext http, string app) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            return Guarded(http, "PUT /applications/{application_id}/commands", app, () => RegisterCommands(body, null));
        });
        api.MapPut("/applications/{app}/guilds/{guild}/commands", async (HttpContext http, string app, string guild) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            return Guarded(http, "PUT /applications/{application_id}/guilds/{guild_id}/commands", guild, () => RegisterCommands(body, guild));
        });
        api.MapGet("/channels/{channel}", (HttpContext http, string channel) => Guarded(http, "GET /channels/{channel_id}", channel, () =>
            _channels.TryGetValue(channel, out var found) ? Results.Json(ChannelJson(found)) : Error(404, 10003, "Unknown Channel")));
        api.MapGet("/guilds/{guild}", (HttpContext http, string guild) => Guarded(http, "GET /guilds/{guild_id}", guild, () =>
            _guilds.TryGetValue(guild, out var found)
                ? Results.Json(new { id = found.Id, owner_id = found.OwnerId, roles = found.Roles.Select(r => new { id = r.Id, name = r.Id, permissions = r.Permissions.ToString(CultureInfo.InvariantCulture) }) })
                : Error(404, 10004, "Unknown Guild")));
        api.MapGet("/guilds/{guild}/members/{user}", (HttpContext http, string guild, string user) => Guarded(http, "GET /guilds/{guild_id}/members/{user_id}", guild, () =>
            _guilds.TryGetValue(guild, out var found) && found.Members.TryGetValue(user, out var roles)
                ? Results.Json(new { user = new { id = user }, roles })
                : Error(404, 10007, "Unknown Member")));
        api.MapPost("/channels/{channel}/messages", async (HttpContext http, string channel) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
            return Guarded(http, "POST /channels/{channel_id}/messages", channel, () => CreateMessage(channel, body));
        });
        api.MapDelete("/channels/{channel}/messages/{message}", (HttpContext http, string channel, string message) =>
            Guarded(http, "DELETE /channels/{channel_id}/messages/{message_id}", channel, () => DeleteMessage(channel, message)));
        api.MapPost("/interactions/{id}/{token}/callback", async (HttpContext http, string id, string token) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            return Record(new RecordedInteractionCall(token, RecordedCallKind.Callback, body), Results.NoContent());
        });
        api.MapPost("/webhooks/{app}/{token}", async (HttpContext http, string app, string token) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            return Record(new RecordedInteractionCall(token, RecordedCallKind.Followup, body), Results.Json(new { id = NextId(), content = (string?)body?["content"] }));
        });
        api.MapPatch("/webhooks/{app}/{token}/messages/@original", async (HttpContext http, string app, string token) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            return Record(new RecordedInteractionCall(token, RecordedCallKind.EditOriginal, body), Results.Json(new { id = NextId() }));
        });
        api.MapDelete("/webhooks/{app}/{token}/messages/@original", (string app, string token) =>
            Record(new RecordedInteractionCall(token, RecordedCallKind.DeleteOriginal, null), Results.NoContent()));
        app.MapGet("/cdn/{name}", (string name) => _files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
    }

    private IResult Record(RecordedInteractionCall call, IResult result)
    {
        _interactionCalls.Enqueue(call);
        Changed.Pulse();
        return result;
    }

    private IResult RegisterCommands(JsonNode? body, string? guild)
    {
        RegisteredCommands = body as JsonArray;
        RegisteredInGuild = guild;
        Changed.Pulse();
        return Results.Json(body);
    }

    private IResult CreateMessage(string channel, JsonObject body)
    {
        if (!_channels.ContainsKey(channel))
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var content = (string?)body["content"] ?? string.Empty;
        var embeds = body["embeds"] as JsonArray;
        if (content.Length > 2000 || (content.Length == 0 && (embeds is null || embeds.Count == 0)))
        {
            return Error(400, 50035, "Invalid Form Body");
        }

        var id = NextId();
        _messages.Enqueue(new RecordedMessage(channel, id, body));
        Changed.Pulse();
        return Results.Json(new { id, channel_id = channel, content });
    }

    private IResult DeleteMessage(string channel, string message)
    {
        if (!_messages.Any(m => m.ChannelId == channel && m.MessageId == message) || _deleted.Contains((channel, message)))
        {
            return Error(404, 10008, "Unknown Message");
        }

        _deleted.Enqueue((channel, message));
        Changed.Pulse();
        return Results.NoContent();
    }

    /// <summary>Auth, scripted errors, forced 429s and the bucket of the route, then the route itself.</summary>
    private IResult Guarded(HttpContext http, string template, string major, Func<IResult> handle)
    {
        _requests.AddOrUpdate(template + "|" + major, 1, (_, n) => n + 1);
        if (http.Request.Headers.Authorization != "Bot " + Token)
        {
            return Error(401, 0, "401: Unauthorized");
        }

        var now = _time.GetUtcNow();
        var key = template + "|" + major;
        var bucket = _buckets.AddOrUpdate(
            key,
            _ => (1, now + BucketWindow),
            (_, b) => b.ResetAt <= now ? (1, now + BucketWindow) : (b.Used + 1, b.ResetAt));
        var resetAfter = Math.Max(0, (bucket.ResetAt - now).TotalSeconds);
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = BucketLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, BucketLimit - bucket.Used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.###", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "b" + (uint)template.GetHashCode(StringComparison.Ordinal);

        if (_forced429.TryRemove(major, out var forced))
        {
            return TooMany(http, forced);
        }

        if (bucket.Used > BucketLimit)
        {
            return TooMany(http, resetAfter);
        }

        if (_errors.TryGetValue(major, out var error))
        {
            return Error(error.Status, error.Code, error.Message);
        }

        return handle();
    }

    private static IResult TooMany(HttpContext http, double retryAfter)
    {
        http.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Scope"] = "user";
        return Results.Json(new { message = "You are being rate limited.", retry_after = retryAfter, global = false }, statusCode: 429);
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new { code, message }, statusCode: status);

    private static object ChannelJson(FakeChannel channel) => new
    {
        id = channel.Id,
        type = channel.Type,
        guild_id = channel.GuildId,
        name = channel.Name,
        permission_overwrites = (channel.Overwrites ?? []).Select(o => new
        {
            id = o.Id,
            type = o.Type,
            allow = o.Allow.ToString(CultureInfo.InvariantCulture),
            deny = o.Deny.ToString(CultureInfo.InvariantCulture),
        }),
    };
}
