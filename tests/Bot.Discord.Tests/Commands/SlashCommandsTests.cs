using Bot.Testing;
using Bot.Discord.Commands;
using Bot.Discord.Models;

namespace Bot.Discord.Tests.Commands;

public sealed class SlashCommandsTests
{
    private readonly IReadOnlyList<ApplicationCommand> _commands = SlashCommands.FromCatalog(TestCommands.Catalog);

    [Fact]
    public void FromCatalog_SkipsCommandsNotOnDiscord()
    {
        Assert.DoesNotContain(_commands, c => c.Name == "start");
        Assert.Contains(_commands, c => c.Name == "search");
    }

    [Fact]
    public void FromCatalog_SubscribeNeedsManageChannels()
    {
        var subscribe = _commands.Single(c => c.Name == "subscribe");

        Assert.Equal(((ulong)DiscordPermissions.ManageChannels).ToString(System.Globalization.CultureInfo.InvariantCulture), subscribe.DefaultMemberPermissions);
        var channel = subscribe.Options!.Single(o => o.Name == "channel");
        Assert.Equal(ApplicationCommandOptionType.Channel, channel.Type);
        Assert.True(subscribe.Options!.Single(o => o.Name == "tags").Autocomplete);
    }

    [Fact]
    public void FromCatalog_AdminCommandsAreHiddenBehindManageGuild()
    {
        Assert.All(_commands.Where(c => c.Name is "post" or "schedule" or "retract" or "stats"), c =>
            Assert.Equal(((ulong)DiscordPermissions.ManageGuild).ToString(System.Globalization.CultureInfo.InvariantCulture), c.DefaultMemberPermissions));
        Assert.Null(_commands.Single(c => c.Name == "search").DefaultMemberPermissions);
    }

    [Fact]
    public void FromCatalog_OptionTypesFollowTheCatalog()
    {
        Assert.Equal(ApplicationCommandOptionType.Attachment, _commands.Single(c => c.Name == "post").Options!.Single().Type);
        Assert.Equal(ApplicationCommandOptionType.Integer, _commands.Single(c => c.Name == "read").Options!.Single().Type);
        Assert.Equal(ApplicationCommandOptionType.String, _commands.Single(c => c.Name == "search").Options!.Single().Type);
    }

    [Fact]
    public void FromCatalog_HasChineseDescriptions()
    {
        var search = _commands.Single(c => c.Name == "search");

        Assert.Equal("搜索文章", search.DescriptionLocalizations!["zh-CN"]);
        Assert.Equal("搜索文章", search.DescriptionLocalizations!["zh-TW"]);
        Assert.All(_commands, c => Assert.InRange(c.Description.Length, 1, 100));
    }

    [Fact]
    public void FromCatalog_RequiredOptionsComeFirst()
    {
        Assert.All(_commands, c =>
        {
            var required = c.Options!.Select(o => o.Required == true).ToList();
            Assert.Equal(required.OrderByDescending(r => r), required);
        });
    }
}
