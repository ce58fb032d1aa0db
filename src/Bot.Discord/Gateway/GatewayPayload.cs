using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>A gateway frame: op code, data, sequence number and event name (for dispatches).</summary>
public sealed record GatewayPayload(int Op, JsonElement? D = null, int? S = null, string? T = null);
