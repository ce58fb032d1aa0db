using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Telegram.Api;
using Bot.Telegram.Hosting;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Telegram.Access;

/// <summary>
/// Answers Core's questions only Telegram can: is the user an admin of this group (getChatMember),
/// and may the user subscribe another chat (a channel they and the bot administer, where the bot can post).
/// </summary>
public sealed class TelegramChatAccess(
    ITelegramApi client,
    TelegramBotIdentity identity,
    Chat chat,
    long userId,
    bool anonymousAdmin) : IChatAccess
{
    public async Task<bool> CanManageChatAsync(CancellationToken ct)
    {
        if (chat.Type == ChatType.Private || anonymousAdmin)
        {
            return true;
        }

        try
        {
            return (await client.GetChatMember(chat.Id, userId, ct)).IsAdmin;
        }
        catch (ApiRequestException)
        {
            return false;
        }
    }

    public async Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct)
    {
        if (Normalize(reference) is not { } id)
        {
            return new ChatResolution.Refused(ChatRefusal.NotFound);
        }

        ChatFullInfo target;
        try
        {
            target = await client.GetChat(id, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            return new ChatResolution.Refused(ChatRefusal.NotFound);
        }

        if (target.Type == ChatType.Private)
        {
            return new ChatResolution.Refused(ChatRefusal.NotSupported);
        }

        var me = await identity.GetAsync(ct);
        ChatMember user;
        ChatMember bot;
        try
        {
            user = await client.GetChatMember(target.Id, userId, ct);
            bot = await client.GetChatMember(target.Id, me.Id, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            // Telegram only shows members of a channel to its admins: not being allowed to ask means the bot is not one.
            return new ChatResolution.Refused(ChatRefusal.BotNotAdmin);
        }

        if (!user.IsAdmin)
        {
            return new ChatResolution.Refused(ChatRefusal.UserNotAdmin);
        }

        if (target.Type == ChatType.Channel)
        {
            if (!bot.IsAdmin)
            {
                return new ChatResolution.Refused(ChatRefusal.BotNotAdmin);
            }

            if (bot is ChatMemberAdministrator { CanPostMessages: false })
            {
                return new ChatResolution.Refused(ChatRefusal.BotCannotPost);
            }
        }
        else if (!bot.IsInChat)
        {
            return new ChatResolution.Refused(ChatRefusal.BotCannotPost);
        }

        return new ChatResolution.Resolved(TelegramChats.ToChatRef(target));
    }

    // "@name", "name", "https://t.me/name" or a numeric id such as -1001234567890.
    private static string? Normalize(string reference)
    {
        var value = reference.Trim();
        foreach (var prefix in new[] { "https://t.me/", "http://t.me/", "t.me/" })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = "@" + value[prefix.Length..].TrimEnd('/');
            }
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var name = value.TrimStart('@');
        return name.Length is >= 4 and <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "@" + name : null;
    }
}
