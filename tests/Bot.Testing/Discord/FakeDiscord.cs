using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Chat;
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
    private readonly ConcurrentDictionary<string, FakeChannel> _dmChannels = new();
    private readonly ConcurrentDictionary<string, ScriptedError> _errors = new();
    private readonly ConcurrentDictionary<string, double> _forced429 = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, (int Used, DateTimeOffset ResetAt)> _buckets = new();
    private readonly ConcurrentQueue<RecordedMessage> _messages = new();
    private readonly ConcurrentQueue<(string ChannelId, string MessageId)> _deleted = new();
    private readonly ConcurrentQueue<RecordedInteractionCall> _interactionCalls = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _acknowledged = new();
    private int _lateCallbacks;
    private readonly ConcurrentDictionary<string, string> _sharedBuckets = new();
    private readonly ConcurrentDictionary<string, (int Status, double RetryAfter)> _cloudflare429 = new();
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private object? _global429;
    private int _invalidRequests;
    private int _globalLimited;
    private long _nextId;

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

    /// <summary>Discord's global limit on bot-authenticated requests (interaction endpoints are exempt); 0 turns it off.</summary>
    public int GlobalPerSecond { get; set; } = 50;

    /// <summary>Responses of 401, 403 and 429 (except 429s of scope "shared"): Discord bans the IP at 10,000 in 10 minutes.</summary>
    public int InvalidRequests => Volatile.Read(ref _invalidRequests);

    /// <summary>Requests answered with a global 429 because more than <see cref="GlobalPerSecond"/> came in one second.</summary>
    public int GlobalLimited => Volatile.Read(ref _globalLimited);

    /// <summary>Initial responses that came more than 3 s after the interaction was dispatched (answered 10062).</summary>
    public int LateCallbacks => Volatile.Read(ref _lateCallbacks);

    /// <summary>
    /// Whether the interaction's original response is ephemeral: set by the initial response's flags and,
    /// as on Discord, not changed by an edit that sends other flags.
    /// </summary>
    public bool? IsOriginalEphemeral(string token) => _acknowledged.TryGetValue(token, out var ephemeral) ? ephemeral : null;

    /// <summary>Every request that reached a REST route, all routes together.</summary>
    public int TotalRequests => _requests.Values.Sum();

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

    /// <summary>
    /// The next request on this major parameter gets Cloudflare's answer: 429 with an HTML page and
    /// only a Retry-After header (no JSON, no X-RateLimit-Scope).
    /// </summary>
    public void RateLimitNextFromCloudflare(string major, double retryAfterSeconds) => _cloudflare429[major] = (429, retryAfterSeconds);

    /// <summary>The next bot-authenticated request gets a global 429 (X-RateLimit-Global, scope global, JSON global: true).</summary>
    public void RateLimitGlobalNext(double retryAfterSeconds) => _global429 = retryAfterSeconds;

    /// <summary>These routes share one bucket (one X-RateLimit-Bucket hash and one count per major parameter), as some of Discord's do.</summary>
    public void ShareBucket(params string[] templates)
    {
        foreach (var template in templates)
        {
            _sharedBuckets[template] = templates[0];
        }
    }

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

    /// <summary>The calls that carry an answer: a deferral (when the bot was slow, e.g. on a loaded machine) is left out.</summary>
    public IEnumerable<RecordedInteractionCall> AnswersFor(string interactionToken) =>
        CallsFor(interactionToken).Where(c => !c.IsDeferral);

    public Task WaitForAsync(Func<FakeDiscord, bool> condition, string what, TimeSpan? timeout = null) =>
        Changed.WaitForAsync(() => condition(this), what, timeout);

    public async ValueTask DisposeAsync()
    {
        AbortGateway();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A snowflake of the fake's present, so ids date their messages as Discord's do.</summary>
    private string NextId()
    {
        var ms = (ulong)Math.Max(0, (_time.GetUtcNow() - DiscordEpoch).TotalMilliseconds);
        return ((ms << 22) | ((ulong)Interlocked.Increment(ref _nextId) & 0x3FFFFF)).ToString(CultureInfo.InvariantCulture);
    }

    private void MapRest(WebApplication app)
    {
        var api = app.MapGroup("/api/v10");
        api.MapGet("/oauth2/applications/@me", (HttpContext http) => Guarded(http, "GET /oauth2/applications/@me", string.Empty, () =>
            Results.Json(new { id = ApplicationId, name = "fake", bot = new { id = BotUserId, username = "fakebot", bot = true }, verify_key = "00" })));
        api.MapGet("/gateway/bot", (HttpContext http) => Guarded(http, "GET /gateway/bot", string.Empty, () =>
            Results.Json(new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = SessionStartsRemaining, reset_after = 14_400_000, max_concurrency = 1 },
            })));
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
            var incoming = await ReadMessageAsync(http.Request);
            return Guarded(http, "POST /channels/{channel_id}/messages", channel, () => incoming.Refusal ?? CreateMessage(channel, incoming));
        });
        api.MapPost("/users/@me/channels", async (HttpContext http) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            return Guarded(http, "POST /users/@me/channels", string.Empty, () => OpenDm((string?)body?["recipient_id"]));
        });
        api.MapDelete("/channels/{channel}/messages/{message}", (HttpContext http, string channel, string message) =>
            Guarded(http, IsOlderThan14Days(message) ? DeleteOldMessageTemplate : "DELETE /channels/{channel_id}/messages/{message_id}", channel, () => DeleteMessage(channel, message)));
        api.MapPost("/interactions/{id}/{token}/callback", async (HttpContext http, string id, string token) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(http.Request.Body);
            if (InteractionSentAt(token) is { } sent && _time.GetUtcNow() - sent > TimeSpan.FromSeconds(3))
            {
                // Past 3 s the interaction's token is gone.
                Interlocked.Increment(ref _lateCallbacks);
                Changed.Pulse();
                return Error(404, 10062, "Unknown interaction");
            }

            if (!_acknowledged.TryAdd(token, (int?)body?["data"]?["flags"] is { } flags && (flags & 64) != 0))
            {
                return Error(400, 40060, "Interaction has already been acknowledged.");
            }

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
        app.MapGet("/cdn/attachments/{channel}/{id}/{name}", (HttpContext http, string channel, string id, string name) => ServeAttachment(http, id));
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

    /// <summary>As Discord: the one DM channel (type 1) with the user, created on first use and returned again after.</summary>
    private IResult OpenDm(string? recipient)
    {
        if (string.IsNullOrEmpty(recipient) || !recipient.All(char.IsAsciiDigit))
        {
            return Error(400, 50035, "Invalid Form Body");
        }

        var channel = _dmChannels.GetOrAdd(recipient, _ =>
        {
            var dm = new FakeChannel(NextId(), null, string.Empty, Type: 1);
            AddChannel(dm);
            return dm;
        });
        return Results.Json(new { id = channel.Id, type = 1, recipients = new[] { new { id = recipient } } });
    }

    /// <summary>The DM channel opened with a user, if the bot opened one.</summary>
    public string? DmChannelOf(string userId) => _dmChannels.TryGetValue(userId, out var channel) ? channel.Id : null;

    private IResult CreateMessage(string channel, IncomingMessage incoming)
    {
        if (!_channels.ContainsKey(channel))
        {
            return Error(404, 10003, "Unknown Channel");
        }

        var body = incoming.Body;
        var content = (string?)body["content"] ?? string.Empty;
        var embeds = body["embeds"] as JsonArray;
        if (content.Length > 2000 || (content.Length == 0 && (embeds is null || embeds.Count == 0) && incoming.Files.Count == 0))
        {
            return Error(400, 50035, "Invalid Form Body");
        }

        if (UnknownAttachmentReference(embeds, incoming.Files) is { } unknown)
        {
            return Error(400, 50035, $"Invalid Form Body: embeds.0.image.url \"{unknown}\" names no uploaded file");
        }

        var id = NextId();
        var files = incoming.Files.Select(f => Store(channel, f)).ToList();
        _messages.Enqueue(new RecordedMessage(channel, id, body, files));
        Changed.Pulse();
        return Results.Json(new
        {
            id,
            channel_id = channel,
            content,
            embeds = AnsweredEmbeds(embeds, files),
            attachments = files.Select(f => new { id = AttachmentIdOf(f.Url), filename = f.Filename, size = f.Bytes, url = f.Url, proxy_url = f.Url, content_type = f.ContentType }),
        });
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

    /// <summary>Deleting a message older than 14 days has a bucket of its own (Discord's rate-limit documentation).</summary>
    public const string DeleteOldMessageTemplate = "DELETE /channels/{channel_id}/messages/{message_id} (older than 14 days)";

    /// <summary>A message id (snowflake) whose timestamp is this old on the fake's clock.</summary>
    public string MessageIdFrom(TimeSpan age)
    {
        var ms = (ulong)(_time.GetUtcNow() - age - DiscordEpoch).TotalMilliseconds;
        return ((ms << 22) | 1UL).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private bool IsOlderThan14Days(string messageId) =>
        ulong.TryParse(messageId, out var id) && DiscordEpoch.AddMilliseconds(id >> 22) < _time.GetUtcNow() - TimeSpan.FromDays(14);

    /// <summary>Auth, the global limit, scripted errors, forced 429s and the bucket of the route, then the route itself.</summary>
    private IResult Guarded(HttpContext http, string template, string major, Func<IResult> handle)
    {
        // Counted and placed in the global window in one step: a test that sees the count may move the clock.
        var now = _time.GetUtcNow();
        var withinGlobal = Count(template + "|" + major, now, out var globalRetry);
        Changed.Pulse();
        if (http.Request.Headers.Authorization != "Bot " + Token)
        {
            Interlocked.Increment(ref _invalidRequests);
            return Error(401, 0, "401: Unauthorized");
        }

        if (_cloudflare429.TryRemove(major, out var cloudflare))
        {
            Interlocked.Increment(ref _invalidRequests);
            http.Response.Headers["Retry-After"] = cloudflare.RetryAfter.ToString(CultureInfo.InvariantCulture);
            return Results.Content("<!DOCTYPE html><html><head><title>Error 1015</title></head><body>You are being rate limited</body></html>", "text/html", statusCode: cloudflare.Status);
        }

        var forcedGlobal = Interlocked.Exchange(ref _global429, null) as double?;
        if (forcedGlobal is not null || !withinGlobal)
        {
            var retry = forcedGlobal ?? globalRetry;
            Interlocked.Increment(ref _invalidRequests);
            Interlocked.Increment(ref _globalLimited);
            http.Response.Headers["Retry-After"] = Math.Ceiling(retry).ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Global"] = "true";
            http.Response.Headers["X-RateLimit-Scope"] = "global";
            return Results.Json(new { message = "You are being rate limited.", retry_after = retry, global = true }, statusCode: 429);
        }

        var shared = _sharedBuckets.TryGetValue(template, out var first) ? first : template;
        var key = shared + "|" + major;
        var bucket = _buckets.AddOrUpdate(
            key,
            _ => (1, now + BucketWindow),
            (_, b) => b.ResetAt <= now ? (1, now + BucketWindow) : (b.Used + 1, b.ResetAt));
        var resetAfter = Math.Max(0, (bucket.ResetAt - now).TotalSeconds);
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = BucketLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, BucketLimit - bucket.Used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.###", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "b" + (uint)shared.GetHashCode(StringComparison.Ordinal);

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
            if (error.Status is 401 or 403)
            {
                Interlocked.Increment(ref _invalidRequests);
            }

            return Error(error.Status, error.Code, error.Message);
        }

        return handle();
    }

    /// <summary>At most <see cref="GlobalPerSecond"/> bot requests in any second; otherwise how long until a slot opens.</summary>
    private bool Count(string key, DateTimeOffset now, out double retryAfter)
    {
        lock (_globalWindow)
        {
            _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
            while (_globalWindow.Count > 0 && _globalWindow.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _globalWindow.Dequeue();
            }

            if (GlobalPerSecond > 0 && _globalWindow.Count >= GlobalPerSecond)
            {
                retryAfter = Math.Max(0.001, (_globalWindow.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds);
                return false;
            }

            _globalWindow.Enqueue(now);
            retryAfter = 0;
            return true;
        }
    }

    private IResult TooMany(HttpContext http, double retryAfter)
    {
        Interlocked.Increment(ref _invalidRequests);
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
        parent_id = channel.ParentId,
        permission_overwrites = (channel.Overwrites ?? []).Select(o => new
        {
            id = o.Id,
            type = o.Type,
            allow = o.Allow.ToString(CultureInfo.InvariantCulture),
            deny = o.Deny.ToString(CultureInfo.InvariantCulture),
        }),
    };
}
