using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Telegram.Updates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Telegram.Hosting;

/// <summary>
/// POST /telegram/webhook: Telegram's pushed updates. Calls without the configured secret in
/// X-Telegram-Bot-Api-Secret-Token get 401; Telegram's retries of an update already seen are skipped.
/// Updates go through the same queue as polled ones (side by side across chats, in order within one),
/// and the answer waits for the handling, so an update cut short is sent again by Telegram.
/// </summary>
public sealed class TelegramWebhookEndpoint(
    TelegramUpdateIntake queue,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookEndpoint> logger)
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int RememberedUpdates = 1000;

    private readonly Lock _lock = new();
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();

    public async Task HandleAsync(HttpContext context)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Webhook body is not a Telegram update");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (update is not null && FirstTime(update.Id) && await queue.EnqueueAsync(update, context.RequestAborted) is { } handling)
        {
            await handling;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private bool SecretMatches(string given)
    {
        var expected = options.Value.WebhookSecret ?? string.Empty;
        return expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    private bool FirstTime(long updateId)
    {
        lock (_lock)
        {
            if (!_seen.Add(updateId))
            {
                return false;
            }

            _seenOrder.Enqueue(updateId);
            if (_seenOrder.Count > RememberedUpdates)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }

            return true;
        }
    }
}
