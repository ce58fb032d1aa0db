using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Discord.Models;

namespace Bot.Discord.Interactions;

/// <summary>What an interaction means in Core's terms: the chat, the user and the command's options.</summary>
public static class InteractionMapper
{
    public static ChatRef Chat(Interaction interaction)
    {
        var channelId = interaction.ChannelId ?? interaction.Channel?.Id ?? string.Empty;
        return interaction.GuildId is null
            ? new ChatRef(Platform.Discord, channelId, ChatKind.Private)
            : new ChatRef(Platform.Discord, channelId, ChatKind.DiscordChannel, null, interaction.Channel?.Name);
    }

    public static UserRef User(Interaction interaction)
    {
        var user = interaction.Invoker;
        return new UserRef(Platform.Discord, user?.Id ?? string.Empty, user?.GlobalName ?? user?.Username, interaction.Locale ?? interaction.GuildLocale);
    }

    /// <summary>Option values as text by name; the attachment option is passed as a file, not here.</summary>
    public static Dictionary<string, string> Options(InteractionData data)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in data.Options ?? [])
        {
            if (option.Type == (int)ApplicationCommandOptionType.Attachment || option.ValueText is not { } value)
            {
                continue;
            }

            options[option.Name] = value;
        }

        return options;
    }

    public static Attachment? AttachmentOption(InteractionData data)
    {
        var id = data.Options?.FirstOrDefault(o => o.Type == (int)ApplicationCommandOptionType.Attachment)?.ValueText;
        return id is not null && data.Resolved?.Attachments?.TryGetValue(id, out var attachment) == true ? attachment : null;
    }

    /// <summary>The values of a modal's text inputs by custom_id.</summary>
    public static Dictionary<string, string> ModalValues(InteractionData data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in (data.Components ?? []).SelectMany(row => row.Components ?? []))
        {
            if (input.CustomId is { } id && input.Value is { } value)
            {
                values[id] = value;
            }
        }

        return values;
    }
}
