using System.Globalization;
using Bot.Discord.Models;

namespace Bot.Discord.Permissions;

/// <summary>
/// Discord's documented algorithm: @everyone and the member's roles give the base; Administrator or
/// ownership gives everything; then the channel's @everyone, role and member overwrites apply in order.
/// </summary>
public static class PermissionCalculator
{
    public static DiscordPermissions Compute(Guild guild, IReadOnlyList<string> memberRoles, string userId, Channel channel)
    {
        if (guild.OwnerId == userId)
        {
            return DiscordPermissions.All;
        }

        var everyone = guild.Roles.FirstOrDefault(r => r.Id == guild.Id);
        var permissions = Parse(everyone?.Permissions);
        foreach (var role in guild.Roles.Where(r => memberRoles.Contains(r.Id)))
        {
            permissions |= Parse(role.Permissions);
        }

        if (permissions.HasFlag(DiscordPermissions.Administrator))
        {
            return DiscordPermissions.All;
        }

        var overwrites = channel.PermissionOverwrites ?? [];
        if (overwrites.FirstOrDefault(o => o.Id == guild.Id) is { } everyoneOverwrite)
        {
            permissions &= ~Parse(everyoneOverwrite.Deny);
            permissions |= Parse(everyoneOverwrite.Allow);
        }

        var allow = DiscordPermissions.None;
        var deny = DiscordPermissions.None;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && o.Id != guild.Id && memberRoles.Contains(o.Id)))
        {
            allow |= Parse(overwrite.Allow);
            deny |= Parse(overwrite.Deny);
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } memberOverwrite)
        {
            permissions &= ~Parse(memberOverwrite.Deny);
            permissions |= Parse(memberOverwrite.Allow);
        }

        // Without View Channel no other permission in the channel counts.
        return permissions.HasFlag(DiscordPermissions.ViewChannel) ? permissions : DiscordPermissions.None;
    }

    public static DiscordPermissions Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? (DiscordPermissions)bits : DiscordPermissions.None;

    public static bool Has(this DiscordPermissions permissions, DiscordPermissions required) =>
        permissions.HasFlag(DiscordPermissions.Administrator) || (permissions & required) == required;
}
