using Bot.Discord.Models;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends the one initial response of an interaction: over REST in gateway mode, as the HTTP response
/// body in http mode. Everything after it goes through the webhook (follow-ups, edits).
/// </summary>
public delegate Task InteractionResponder(InteractionResponse response, CancellationToken ct);
