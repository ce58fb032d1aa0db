using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>What the event handlers hand each dispatch to; the queue's behaviour is tested against a stand-in.</summary>
public interface IGatewayDispatcher
{
    Task DispatchAsync(string eventName, JsonElement data, DateTimeOffset receivedAt, CancellationToken ct);
}
