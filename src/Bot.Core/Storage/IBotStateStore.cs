namespace Bot.Core.Storage;

/// <summary>Small durable values of adapters and workers (Telegram's update offset, Discord's session id…).</summary>
public interface IBotStateStore
{
    Task<string?> GetAsync(string key, CancellationToken ct);

    Task SetAsync(string key, string value, CancellationToken ct);
}
