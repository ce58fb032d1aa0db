using Bot.Discord.Models;
using Bot.Discord.Permissions;

namespace Bot.Discord.Tests.Permissions;

public sealed class PermissionCalculatorTests
{
    private const string GuildId = "1";
    private const string Moderators = "2";
    private const string UserId = "3";
    private static readonly string ViewSendEmbed = Bits(DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.EmbedLinks);

    private static readonly Guild Guild = new()
    {
        Id = GuildId,
        OwnerId = "99",
        Roles = [new Role(GuildId, "@everyone", ViewSendEmbed), new Role(Moderators, "mods", Bits(DiscordPermissions.ManageChannels))],
    };

    [Fact]
    public void Compute_RolesAddUp()
    {
        var permissions = PermissionCalculator.Compute(Guild, [Moderators], UserId, Channel());

        Assert.True(permissions.Has(DiscordPermissions.ManageChannels | DiscordPermissions.SendMessages));
    }

    [Fact]
    public void Compute_EveryoneOverwriteDeniesSend()
    {
        var channel = Channel(new PermissionOverwrite(GuildId, 0, "0", Bits(DiscordPermissions.SendMessages)));

        Assert.False(PermissionCalculator.Compute(Guild, [], UserId, channel).Has(DiscordPermissions.SendMessages));
    }

    [Fact]
    public void Compute_RoleOverwriteAllowsWhatEveryoneDenies()
    {
        var channel = Channel(
            new PermissionOverwrite(GuildId, 0, "0", Bits(DiscordPermissions.SendMessages)),
            new PermissionOverwrite(Moderators, 0, Bits(DiscordPermissions.SendMessages), "0"));

        Assert.True(PermissionCalculator.Compute(Guild, [Moderators], UserId, channel).Has(DiscordPermissions.SendMessages));
    }

    [Fact]
    public void Compute_MemberOverwriteWinsOverRoles()
    {
        var channel = Channel(
            new PermissionOverwrite(Moderators, 0, Bits(DiscordPermissions.SendMessages), "0"),
            new PermissionOverwrite(UserId, 1, "0", Bits(DiscordPermissions.SendMessages)));

        Assert.False(PermissionCalculator.Compute(Guild, [Moderators], UserId, channel).Has(DiscordPermissions.SendMessages));
    }

    [Fact]
    public void Compute_WithoutViewChannel_NothingCounts()
    {
        var channel = Channel(new PermissionOverwrite(GuildId, 0, "0", Bits(DiscordPermissions.ViewChannel)));

        Assert.Equal(DiscordPermissions.None, PermissionCalculator.Compute(Guild, [Moderators], UserId, channel));
    }

    [Fact]
    public void Compute_AdministratorAndOwner_HaveEverything()
    {
        var admins = Guild with { Roles = [.. Guild.Roles, new Role("5", "admins", Bits(DiscordPermissions.Administrator))] };
        var channel = Channel(new PermissionOverwrite(GuildId, 0, "0", Bits(DiscordPermissions.ViewChannel)));

        Assert.True(PermissionCalculator.Compute(admins, ["5"], UserId, channel).Has(DiscordPermissions.SendMessages));
        Assert.True(PermissionCalculator.Compute(Guild, [], "99", channel).Has(DiscordPermissions.ManageChannels));
    }

    private static Channel Channel(params PermissionOverwrite[] overwrites) =>
        new() { Id = "10", GuildId = GuildId, Type = ChannelType.GuildText, PermissionOverwrites = overwrites };

    private static string Bits(DiscordPermissions permissions) => ((ulong)permissions).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
