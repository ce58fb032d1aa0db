namespace Bot.Discord.Models;

/// <summary>The permission bits the bot reads; Discord sends them as decimal strings.</summary>
[Flags]
#pragma warning disable CA1028 // Discord's permission set is 64 bits wide.
public enum DiscordPermissions : ulong
#pragma warning restore CA1028
{
    None = 0,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    EmbedLinks = 1UL << 14,
    SendMessagesInThreads = 1UL << 38,
    All = ulong.MaxValue,
}
