using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Sources;

namespace Bot.Telegram.Replies;

/// <summary>
/// Reaches a Telegram admin in the private chat whose id is the admin's user id; it exists once the admin
/// has started the bot, otherwise Telegram refuses with 403 and the notifier logs that.
/// </summary>
public sealed class TelegramAdminMessenger(TelegramReplySender sender) : IAdminMessenger
{
    public Platform Platform => Platform.Telegram;

    public Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken ct) =>
        sender.SendAsync(new ReplyTarget(long.Parse(userId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), null), replies, ct);
}
