namespace Bot.Discord.Rest;

/// <param name="Template">The route with its parameters named, e.g. "POST /channels/{channel_id}/messages".</param>
/// <param name="MajorParameter">channel_id, guild_id or webhook id + token: Discord keeps separate buckets per value.</param>
public sealed record DiscordRoute(string Template, string MajorParameter)
{
    /// <summary>
    /// An interaction's callback or its webhook (follow-ups, the original response): authenticated by
    /// the interaction token, not bound to the bot's global limit, and a 401 there is not the bot token's.
    /// </summary>
    public bool IsInteraction =>
        Template.StartsWith("POST /interactions/", StringComparison.Ordinal) || Template.Contains(" /webhooks/", StringComparison.Ordinal);
}
