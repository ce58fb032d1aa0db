namespace Bot.Discord.Models;

public sealed record Channel
{
    public required string Id { get; init; }

    public ChannelType Type { get; init; }

    public string? GuildId { get; init; }

    public string? Name { get; init; }

    public string? ParentId { get; init; }

    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }

    /// <summary>Only in an interaction's resolved data: the invoking member's permissions in this channel.</summary>
    public string? Permissions { get; init; }

    public bool IsThread => Type is ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread;

    /// <summary>Channels a bot can post plain messages in.</summary>
    public bool IsTextLike => Type is ChannelType.GuildText or ChannelType.GuildAnnouncement or ChannelType.Dm || IsThread;
}
