using System.Collections.Concurrent;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Sources;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;

namespace Bot.Discord.Notices;

/// <summary>
/// Reaches a Discord admin by direct message: the DM channel is opened once (POST /users/@me/channels)
/// and remembered; the replies are rendered as every other Discord reply is.
/// </summary>
public sealed class DiscordAdminMessenger(IDiscordRestClient rest, ReplyRenderer renderer) : IAdminMessenger
{
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Discord;

    public async Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (!_dmChannels.TryGetValue(userId, out var channelId))
        {
            channelId = (await rest.CreateDmChannelAsync(userId, ct)).Id;
            _dmChannels[userId] = channelId;
        }

        foreach (var payload in replies.SelectMany(renderer.Render))
        {
            await rest.SendMessageAsync(channelId, payload, ct);
        }
    }
}
