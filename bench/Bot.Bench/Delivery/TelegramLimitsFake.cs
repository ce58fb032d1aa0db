using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Bench.Delivery;

/// <summary>
/// A loopback HTTP platform that enforces Telegram's published limits with its own token buckets
/// (global per second, one message a second per chat) and answers 429 with retry_after when exceeded.
/// A little tolerance per chat stands for network jitter between the sender's clock and ours.
/// </summary>
internal sealed class TelegramLimitsFake(double globalPerSecond, int globalBurst, double chatPerSecond) : IAsyncDisposable
{
    private const double Tolerance = 0.05;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (double Tokens, long At)> _chats = [];
    private (double Tokens, long At) _global = (globalBurst, TimeProvider.System.GetTimestamp());
    private WebApplication? _app;
    private int _accepted;
    private int _refused;

    public string BaseUrl { get; private set; } = "";

    public int Accepted => Volatile.Read(ref _accepted);

    public int Refused => Volatile.Read(ref _refused);

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/send/{chat}", (string chat) => Send(chat));
        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult Send(string chat)
    {
        var now = TimeProvider.System.GetTimestamp();
        lock (_lock)
        {
            var global = Refill(_global, now, globalPerSecond, globalBurst);
            var perChat = Refill(_chats.GetValueOrDefault(chat, (1, now)), now, chatPerSecond, 1);
            if (global.Tokens < 1 - Tolerance || perChat.Tokens < 1 - Tolerance)
            {
                _global = global;
                _chats[chat] = perChat;
                Interlocked.Increment(ref _refused);
                return Results.Json(new { ok = false, error_code = 429, parameters = new { retry_after = 1 } }, statusCode: 429);
            }

            _global = (global.Tokens - 1, now);
            _chats[chat] = (perChat.Tokens - 1, now);
            var id = Interlocked.Increment(ref _accepted);
            return Results.Json(new { ok = true, result = new { message_id = id } });
        }
    }

    private static (double Tokens, long At) Refill((double Tokens, long At) bucket, long now, double rate, int burst)
    {
        var elapsed = (double)(now - bucket.At) / TimeProvider.System.TimestampFrequency;
        return (Math.Min(burst, bucket.Tokens + (elapsed * rate)), now);
    }
}
