using Bot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Paces IDENTIFY as session_start_limit says: one per rate-limit bucket (shard id % max_concurrency)
/// every 5 seconds, and none while the day's session starts are nearly used up, since going over them
/// makes Discord reset the bot's token. Every path that identifies (start, op 9 not resumable, close
/// 4007/4009, reconnect after a failure) waits here.
/// </summary>
public sealed class IdentifyGate(TimeProvider time, ILogger<IdentifyGate> logger) : IDisposable
{
    /// <summary>
    /// Discord's 5 seconds, counted by Discord when an IDENTIFY arrives, plus a margin: the next one may
    /// travel faster than the last, and one that arrives a moment early is refused with op 9.
    /// </summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(6);

    /// <summary>Session starts kept back for the operator: at this many or fewer the gate waits for the reset.</summary>
    public const int Reserve = 1;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, DateTimeOffset> _lastByBucket = [];

    /// <summary>Waits for this shard's turn; <paramref name="limit"/> is null when GET /gateway/bot did not say.</summary>
    public async Task WaitTurnAsync(SessionStartLimit? limit, int shardId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (limit is { Remaining: <= Reserve })
            {
                var reset = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
                logger.LogWarning(
                    "Discord allows {Remaining} more gateway session starts today (of {Total}): waiting {Reset} for the limit to reset rather than risk the token",
                    limit.Remaining,
                    limit.Total,
                    reset);
                await Task.Delay(reset, time, ct);
            }

            var bucket = shardId % Math.Max(1, limit?.MaxConcurrency ?? 1);
            DateTimeOffset? last;
            lock (_lastByBucket)
            {
                last = _lastByBucket.TryGetValue(bucket, out var at) ? at : null;
                _lastByBucket[bucket] = time.GetUtcNow();
            }

            if (last + Spacing - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
                lock (_lastByBucket)
                {
                    _lastByBucket[bucket] = time.GetUtcNow();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Called once the IDENTIFY is on the wire: Discord counts the 5 seconds from when it arrives, so the
    /// next turn is measured from the send, not from when the gate opened.
    /// </summary>
    public void Sent(SessionStartLimit? limit, int shardId)
    {
        lock (_lastByBucket)
        {
            _lastByBucket[shardId % Math.Max(1, limit?.MaxConcurrency ?? 1)] = time.GetUtcNow();
        }
    }

    public void Dispose() => _gate.Dispose();
}
