namespace Bot.Discord.Rest;

/// <param name="Template">The route with its parameters named, e.g. "POST /channels/{channel_id}/messages".</param>
/// <param name="MajorParameter">channel_id, guild_id or webhook id + token: Discord keeps separate buckets per value.</param>
public sealed record DiscordRoute(string Template, string MajorParameter);
