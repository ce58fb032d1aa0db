using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Core.Hosting;
using Bot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// A small typed client over HttpClient. It never logs URLs or headers: the Authorization header holds
/// the bot token and interaction URLs hold interaction tokens.
/// Every bot-authenticated request takes a slot of the one global budget; 401, 403 and 429 answers are
/// counted toward Discord's invalid-request ban and slow the client down as they rise; a 401 to the
/// bot token stops every later request and the bot.
/// </summary>
public sealed class DiscordRestClient : IDiscordRestClient, IDisposable
{
    private const int MaxAttempts = 4;

    /// <summary>Discord keeps deletions of messages older than 14 days in a bucket of their own.</summary>
    public const string DeleteOldMessageTemplate = "DELETE /channels/{channel_id}/messages/{message_id} (older than 14 days)";

    private static readonly TimeSpan OldMessageAge = TimeSpan.FromDays(14);
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Attachment URLs are signed CDN links: fetched by a client that never carries the bot's token.
    private static readonly HttpClient Downloads = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly HttpClient _http;
    private readonly RateLimitBuckets _buckets;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxWait;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly ApplicationFailure? _failure;
    private readonly GlobalRequestBudget _budget;
    private readonly bool _ownsBudget;
    private int _tokenRejected;

    public DiscordRestClient(
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordRestClient> logger,
        ApplicationFailure? failure = null,
        GlobalRequestBudget? budget = null,
        InvalidRequestCounter? invalidRequests = null)
    {
        var settings = options.Value;
        _time = time;
        _logger = logger;
        _failure = failure;
        _ownsBudget = budget is null;
        _budget = budget ?? new GlobalRequestBudget(time);
        InvalidRequests = invalidRequests ?? new InvalidRequestCounter(time);
        _maxWait = settings.MaxRateLimitWait;
        _buckets = new RateLimitBuckets(time);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", settings.Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/, 1.0)");
    }

    /// <summary>401, 403 and 429 answers of the last 10 minutes.</summary>
    public InvalidRequestCounter InvalidRequests { get; }

    /// <summary>The route buckets, for tests and diagnostics.</summary>
    public RateLimitBuckets Buckets => _buckets;

    /// <summary>Set once Discord has answered 401 to the bot token; nothing is sent after that.</summary>
    public bool TokenRejected => Volatile.Read(ref _tokenRejected) == 1;

    public Task<Application> GetCurrentApplicationAsync(CancellationToken ct) =>
        SendAsync<Application>(HttpMethod.Get, "oauth2/applications/@me", new("GET /oauth2/applications/@me", string.Empty), null, ct);

    public Task<GatewayBot> GetGatewayBotAsync(CancellationToken ct) =>
        SendAsync<GatewayBot>(HttpMethod.Get, "gateway/bot", new("GET /gateway/bot", string.Empty), null, ct);

    public Task<Channel> GetChannelAsync(string channelId, CancellationToken ct) =>
        SendAsync<Channel>(HttpMethod.Get, $"channels/{Id(channelId)}", new("GET /channels/{channel_id}", channelId), null, ct);

    public Task<Guild> GetGuildAsync(string guildId, CancellationToken ct) =>
        SendAsync<Guild>(HttpMethod.Get, $"guilds/{Id(guildId)}", new("GET /guilds/{guild_id}", guildId), null, ct);

    public Task<GuildMember> GetGuildMemberAsync(string guildId, string userId, CancellationToken ct) =>
        SendAsync<GuildMember>(HttpMethod.Get, $"guilds/{Id(guildId)}/members/{Id(userId)}", new("GET /guilds/{guild_id}/members/{user_id}", guildId), null, ct);

    public Task<Message> SendMessageAsync(string channelId, MessagePayload message, CancellationToken ct) =>
        SendAsync<Message>(HttpMethod.Post, $"channels/{Id(channelId)}/messages", new("POST /channels/{channel_id}/messages", channelId), message, ct);

    /// <summary>
    /// Creates a message with files (Discord's "Uploading Files"): a multipart/form-data body of the JSON as
    /// <c>payload_json</c> and each file as <c>files[n]</c>, on the same route and bucket as any other message.
    /// </summary>
    public Task<Message> SendMessageWithFilesAsync(string channelId, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken ct) =>
        SendAsync<Message>(HttpMethod.Post, $"channels/{Id(channelId)}/messages", new("POST /channels/{channel_id}/messages", channelId), new MultipartMessage(message, files), ct);

    public Task<Channel> CreateDmChannelAsync(string recipientId, CancellationToken ct) =>
        SendAsync<Channel>(HttpMethod.Post, "users/@me/channels", new("POST /users/@me/channels", string.Empty), new DmChannelRequest(Id(recipientId)), ct);

    public Task DeleteMessageAsync(string channelId, string messageId, CancellationToken ct) =>
        SendAsync<JsonElement?>(
            HttpMethod.Delete,
            $"channels/{Id(channelId)}/messages/{Id(messageId)}",
            new(IsOlderThan14Days(messageId, _time.GetUtcNow()) ? DeleteOldMessageTemplate : "DELETE /channels/{channel_id}/messages/{message_id}", channelId),
            null,
            ct);

    public Task BulkOverwriteGlobalApplicationCommandsAsync(string applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Put, $"applications/{Id(applicationId)}/commands", new("PUT /applications/{application_id}/commands", applicationId), commands, ct);

    public Task BulkOverwriteGuildApplicationCommandsAsync(string applicationId, string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Put, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", new("PUT /applications/{application_id}/guilds/{guild_id}/commands", guildId), commands, ct);

    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"interactions/{Id(interactionId)}/{Token(interactionToken)}/callback", new("POST /interactions/{id}/{token}/callback", interactionId), response, ct);

    public Task<Message> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct) =>
        SendAsync<Message>(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{Token(interactionToken)}", new("POST /webhooks/{id}/{token}", interactionToken), message, ct);

    public Task EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Token(interactionToken)}/messages/@original", new("PATCH /webhooks/{id}/{token}/messages/@original", interactionToken), message, ct);

    public Task DeleteOriginalInteractionResponseAsync(string applicationId, string interactionToken, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"webhooks/{Id(applicationId)}/{Token(interactionToken)}/messages/@original", new("DELETE /webhooks/{id}/{token}/messages/@original", interactionToken), null, ct);

    public async Task<Stream> DownloadAttachmentAsync(string url, long maxBytes, CancellationToken ct)
    {
        using var response = await Downloads.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DiscordApiException(response.StatusCode, null, "attachment download failed");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"The attachment is larger than {maxBytes} bytes.");
        }

        await using var source = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"The attachment is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsBudget)
        {
            _budget.Dispose();
        }
    }

    /// <summary>A snowflake's first 42 bits are milliseconds since Discord's epoch (2015-01-01).</summary>
    public static bool IsOlderThan14Days(string messageId, DateTimeOffset now) =>
        ulong.TryParse(messageId, out var snowflake)
        && DiscordEpoch.AddMilliseconds(snowflake >> 22) < now - OldMessageAge;

    private async Task<T> SendAsync<T>(HttpMethod method, string path, DiscordRoute route, object? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (TokenRejected && !route.IsInteraction)
            {
                throw new DiscordTokenRejectedException();
            }

            var (pause, blocked) = InvalidRequests.PauseBeforeNextRequest();
            if (blocked || pause > _maxWait)
            {
                _logger.LogWarning("Discord answered {Count} requests with 401/403/429 in 10 minutes: holding requests for {Pause}", InvalidRequests.Count, pause);
                throw new DiscordRateLimitedException(pause, global: true);
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _time, ct);
            }

            var (wait, global) = _buckets.Acquire(route);
            if (wait > TimeSpan.Zero)
            {
                if (wait > _maxWait || attempt > MaxAttempts)
                {
                    throw new DiscordRateLimitedException(wait, global);
                }

                await Task.Delay(wait, _time, ct);
                continue;
            }

            if (!route.IsInteraction)
            {
                await _budget.WaitAsync(priority: 0, ct);
            }

            using var request = new HttpRequestMessage(method, path);
            // Built anew for each attempt: a retry after a 429 cannot resend a consumed content.
            request.Content = body switch
            {
                null => null,
                MultipartMessage multipart => multipart.ToContent(),
                _ => JsonContent.Create(body, body.GetType(), options: DiscordJson.Options),
            };

            using var response = await _http.SendAsync(request, ct);
            _buckets.Update(route, response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var hit = RateLimitHit.Read(response.Headers, await ReadErrorAsync(response, ct));
                if (hit.CountsAsInvalid)
                {
                    InvalidRequests.Record();
                }

                _buckets.RateLimited(route, hit);
                _logger.LogWarning(
                    "Discord rate limit on {Route}: retry after {RetryAfter} (global: {Global}, scope: {Scope}, Cloudflare: {Cloudflare})",
                    route.Template,
                    hit.RetryAfter,
                    hit.Global,
                    hit.Scope,
                    hit.FromCloudflare);
                if (hit.RetryAfter > _maxWait || attempt >= MaxAttempts)
                {
                    throw new DiscordRateLimitedException(hit.RetryAfter, hit.StopsEverything);
                }

                continue;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                InvalidRequests.Record();
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !route.IsInteraction)
            {
                RejectToken();
                throw new DiscordTokenRejectedException();
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, ct);
                throw new DiscordApiException(response.StatusCode, error?.Code, error?.Message ?? response.ReasonPhrase ?? "error");
            }

            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return default!;
            }

            return (await response.Content.ReadFromJsonAsync<T>(DiscordJson.Options, ct))!;
        }
    }

    private void RejectToken()
    {
        if (Interlocked.Exchange(ref _tokenRejected, 1) == 0)
        {
            _logger.LogCritical("Discord rejected the bot token (401): no further Discord requests are sent");
            _failure?.Fail("Discord rejected the bot token (401 Unauthorized). Set Discord:Token to the bot's current token from the developer portal (Bot → Reset Token) and start the bot again.");
        }
    }

    private static async Task<ErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorBody>(DiscordJson.Options, ct);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            // Not JSON (a proxy's HTML error page).
            return null;
        }
    }

    // Ids come from Discord or from users typing a channel id; only digits may reach a URL path.
    private static string Id(string id) =>
        id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit) ? id : throw new ArgumentException("not a Discord id", nameof(id));

    private static string Token(string token) => Uri.EscapeDataString(token);

    private sealed record MultipartMessage(MessagePayload Payload, IReadOnlyList<FileUpload> Files)
    {
        public MultipartFormDataContent ToContent()
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(JsonSerializer.Serialize(Payload, DiscordJson.Options), System.Text.Encoding.UTF8, "application/json"), "payload_json" },
            };
            for (var i = 0; i < Files.Count; i++)
            {
                var file = new ByteArrayContent(Files[i].Bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(Files[i].ContentType);
                form.Add(file, $"files[{i}]", Files[i].Filename);
            }

            return form;
        }
    }
}

/// <summary>The body of POST /users/@me/channels.</summary>
internal sealed record DmChannelRequest(string RecipientId);
