using System.Net;
using System.Text.RegularExpressions;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Discord.Models;
using Bot.Discord.Rest;

namespace Bot.Discord.Permissions;

/// <summary>
/// Permission checks for one interaction. The member's rights in the current channel come with the
/// interaction (member.permissions, overwrites included, and re-checked on every interaction);
/// for another channel both the member's and the bot's rights are computed from the guild's roles
/// and the channel's overwrites, since Discord offers no "permissions of X in channel Y" endpoint.
/// </summary>
public sealed partial class DiscordChatAccess(Interaction interaction, IDiscordRestClient rest, DiscordApplicationInfo application) : IChatAccess
{
    private const DiscordPermissions BotNeeds = DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.EmbedLinks;

    /// <summary>
    /// Whether the bot may post articles in the interaction's own channel, from the app_permissions
    /// Discord computed for it; true when Discord did not say (older payloads).
    /// </summary>
    public Task<bool> CanBotPostHereAsync(CancellationToken ct) => Task.FromResult(BotCanPostHere());

    private bool BotCanPostHere()
    {
        if (interaction.GuildId is null || interaction.AppPermissions is not { } granted)
        {
            return true;
        }

        return PermissionCalculator.Parse(granted).Has(Needed(interaction.Channel?.IsThread == true));
    }

    private static DiscordPermissions Needed(bool thread) =>
        thread ? (BotNeeds & ~DiscordPermissions.SendMessages) | DiscordPermissions.SendMessagesInThreads : BotNeeds;

    public Task<bool> CanManageChatAsync(CancellationToken ct)
    {
        // A DM belongs to the user alone.
        if (interaction.GuildId is null)
        {
            return Task.FromResult(true);
        }

        var permissions = PermissionCalculator.Parse(interaction.Member?.Permissions);
        return Task.FromResult(permissions.Has(DiscordPermissions.ManageChannels));
    }

    public async Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct)
    {
        var match = ChannelReference().Match(reference.Trim());
        if (!match.Success)
        {
            return new ChatResolution.Refused(ChatRefusal.NotFound);
        }

        if (interaction.GuildId is null || interaction.Member is null)
        {
            // Another channel can only be named from inside its server.
            return new ChatResolution.Refused(ChatRefusal.NotSupported);
        }

        var channelId = match.Groups[1].Value;
        Channel channel;
        Channel scope;
        Guild guild;
        GuildMember bot;
        try
        {
            channel = await rest.GetChannelAsync(channelId, ct);
            if (channel.GuildId != interaction.GuildId)
            {
                return new ChatResolution.Refused(ChatRefusal.NotFound);
            }

            if (!channel.IsTextLike)
            {
                return new ChatResolution.Refused(ChatRefusal.NotSupported);
            }

            guild = await rest.GetGuildAsync(interaction.GuildId, ct);
            var app = await application.GetAsync(ct);
            bot = await rest.GetGuildMemberAsync(interaction.GuildId, app.BotUserId, ct);
            if (bot.User is null)
            {
                bot = bot with { User = new User { Id = app.BotUserId } };
            }

            // Threads take their overwrites from the parent channel, which the bot may be unable to see:
            // a 403 there is a refusal like one on the channel itself, not a failure of the command.
            scope = channel.IsThread && channel.ParentId is { } parentId ? await rest.GetChannelAsync(parentId, ct) : channel;
        }
        catch (DiscordApiException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            // Unknown, or a channel the bot cannot see: either way not one it could post in.
            return new ChatResolution.Refused(e.Code == DiscordApiException.MissingAccess ? ChatRefusal.BotCannotPost : ChatRefusal.NotFound);
        }

        var userId = interaction.Invoker?.Id ?? string.Empty;
        var member = PermissionCalculator.Compute(guild, interaction.Member.Roles, userId, scope);
        if (!member.Has(DiscordPermissions.ManageChannels))
        {
            return new ChatResolution.Refused(ChatRefusal.UserNotAdmin);
        }

        var botPermissions = PermissionCalculator.Compute(guild, bot.Roles, bot.User!.Id, scope);
        if (!botPermissions.Has(Needed(channel.IsThread)))
        {
            return new ChatResolution.Refused(ChatRefusal.BotCannotPost);
        }

        return new ChatResolution.Resolved(new ChatRef(Platform.Discord, channel.Id, ChatKind.DiscordChannel, null, channel.Name));
    }

    [GeneratedRegex(@"^(?:<#)?(\d{1,20})>?$")]
    private static partial Regex ChannelReference();
}
