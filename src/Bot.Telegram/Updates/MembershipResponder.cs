using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;
using Bot.Core.Subscriptions;
using Bot.Telegram.Replies;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Telegram.Updates;

/// <summary>
/// The bot's own place in a chat (my_chat_member) and chat id changes: removed, blocked or no longer
/// allowed to post stops the chat's subscriptions at once with the reason, instead of wasting sends
/// until a 403; added to a group, or made a channel admin that may post, says once who may subscribe
/// there; a group upgraded to a supergroup takes its subscriptions along.
/// </summary>
public sealed partial class MembershipResponder(
    ISubscriptionService subscriptions,
    TelegramReplySender sender,
    ILogger<MembershipResponder> logger)
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken ct)
    {
        var chat = update.Chat;
        var chatId = chat.Id.ToString(CultureInfo.InvariantCulture);
        if (StoppedReason(chat, update.OldChatMember, update.NewChatMember) is var (kind, reason))
        {
            var stopped = await subscriptions.DeactivateChatAsync(Platform.Telegram, chatId, kind, reason, ct);
            LogStopped(chat.Id, reason, stopped);
            return;
        }

        var text = UiText.For(update.From.LanguageCode);
        var greeting = chat.Type switch
        {
            ChatType.Group or ChatType.Supergroup when !update.OldChatMember.IsInChat && update.NewChatMember.IsInChat => text.AddedToGroup,
            ChatType.Channel when CanPost(update.NewChatMember) && !CanPost(update.OldChatMember) =>
                text.AddedToChannel(chat.Username is { } name ? "@" + name : chatId),
            _ => null,
        };
        if (greeting is not null)
        {
            await sender.SendAsync(new ReplyTarget(chat.Id, null), [new Reply.Text(greeting)], ct);
        }
    }

    /// <summary>A group became a supergroup: the service message names the new id (in the old chat) or the old one (in the new).</summary>
    public async Task HandleMigrationAsync(long oldChatId, long newChatId, CancellationToken ct)
    {
        var moved = await subscriptions.MoveChatAsync(
            Platform.Telegram,
            oldChatId.ToString(CultureInfo.InvariantCulture),
            newChatId.ToString(CultureInfo.InvariantCulture),
            ct);
        if (moved > 0)
        {
            LogMoved(oldChatId, newChatId, moved);
        }
    }

    private static (ChatGoneKind Kind, string Reason)? StoppedReason(Chat chat, ChatMember before, ChatMember now) => now switch
    {
        { Status: ChatMemberStatus.Kicked } when chat.Type == ChatType.Private => (ChatGoneKind.BlockedByUser, "the user blocked the bot"),
        { Status: ChatMemberStatus.Kicked } => (ChatGoneKind.RemovedFromChat, "the bot was removed from the chat"),
        { Status: ChatMemberStatus.Left } => (ChatGoneKind.RemovedFromChat, "the bot left the chat"),
        ChatMemberRestricted { CanSendMessages: false } => (ChatGoneKind.NoRightToPost, "the bot may no longer send messages in the chat"),
        _ when chat.Type == ChatType.Channel && CanPost(before) && !CanPost(now) => (ChatGoneKind.NoRightToPost, "the bot may no longer post in the channel"),
        _ => null,
    };

    private static bool CanPost(ChatMember member) =>
        member is ChatMemberOwner or ChatMemberAdministrator { CanPostMessages: true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId}: {Reason}; {Count} subscription(s) stopped")]
    private partial void LogStopped(long chatId, string reason, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram group {OldChatId} became supergroup {NewChatId}; {Count} subscription(s) moved")]
    private partial void LogMoved(long oldChatId, long newChatId, int count);
}
