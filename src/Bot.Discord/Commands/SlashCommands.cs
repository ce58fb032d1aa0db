using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Discord.Models;

namespace Bot.Discord.Commands;

/// <summary>Discord's slash commands, generated from Core's <see cref="CommandCatalog"/>.</summary>
public static class SlashCommands
{
    private const int MaxDescription = 100;

    public static IReadOnlyList<ApplicationCommand> FromCatalog(CommandCatalog catalog) =>
        catalog.On(Platform.Discord).Select(FromCommand).ToList();

    public static ApplicationCommand FromCommand(CommandDescriptor command) => new()
    {
        Name = command.Name,
        Description = Cut(command.DescriptionEn),
        DescriptionLocalizations = Chinese(command.DescriptionZh),
        // Hidden from members without the right; the right is checked again on every interaction.
        DefaultMemberPermissions = command.AdminOnly ? Bits(DiscordPermissions.ManageGuild)
            : command.ManagesChat ? Bits(DiscordPermissions.ManageChannels)
            : null,
        // Discord wants required options first.
        Options = command.Options.OrderBy(o => o.Required ? 0 : 1).Select(FromOption).ToList(),
    };

    private static ApplicationCommandOption FromOption(CommandOption option) => new()
    {
        Type = option.Type switch
        {
            CommandOptionType.Text => ApplicationCommandOptionType.String,
            CommandOptionType.Number => ApplicationCommandOptionType.Integer,
            CommandOptionType.Channel => ApplicationCommandOptionType.Channel,
            CommandOptionType.Attachment => ApplicationCommandOptionType.Attachment,
            _ => throw new ArgumentOutOfRangeException(nameof(option), option.Type, "unknown option type"),
        },
        Name = option.Name,
        Description = Cut(option.DescriptionEn),
        DescriptionLocalizations = Chinese(option.DescriptionZh),
        Required = option.Required,
        Autocomplete = option.Suggestions != OptionSuggestions.None && option.Type == CommandOptionType.Text ? true : null,
        ChannelTypes = option.Type == CommandOptionType.Channel
            ? [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.PublicThread, ChannelType.AnnouncementThread]
            : null,
        MinValue = option.Type == CommandOptionType.Number ? 1 : null,
    };

    private static Dictionary<string, string> Chinese(string description) => new()
    {
        ["zh-CN"] = Cut(description),
        ["zh-TW"] = Cut(description),
    };

    private static string Bits(DiscordPermissions permissions) => ((ulong)permissions).ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
