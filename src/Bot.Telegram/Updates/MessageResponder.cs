using Bot.Core.Chat;
using Bot.Telegram.Access;
using Bot.Telegram.Api;
using Bot.Telegram.Hosting;
using Bot.Telegram.Replies;
using Telegram.Bot.Types;

namespace Bot.Telegram.Updates;

/// <summary>A user's message (command, text or document) goes to Core; its replies come back to the chat.</summary>
public sealed class MessageResponder(
    IChatBot chatBot,
    ITelegramApi client,
    TelegramBotIdentity identity,
    TelegramIncomingFiles files,
    TelegramReplySender sender)
{
    public async Task HandleAsync(Message message, CancellationToken ct)
    {
        if (message.From is not { } from || (from.IsBot && from.Id != TelegramChats.GroupAnonymousBotId))
        {
            return;
        }

        var text = message.Text ?? message.Caption ?? string.Empty;
        if (text.Length == 0 && message.Document is null)
        {
            // Stickers, photos and service messages: nothing the bot answers.
            return;
        }

        var me = await identity.GetAsync(ct);
        var anonymousAdmin = from.Id == TelegramChats.GroupAnonymousBotId && message.SenderChat?.Id == message.Chat.Id;
        var incoming = new IncomingMessage(
            TelegramChats.ToChatRef(message),
            TelegramChats.ToUserRef(from),
            text,
            new TelegramChatAccess(client, identity, message.Chat, from.Id, anonymousAdmin),
            message.Document is { } document ? files.For(document) : null,
            BotUsername: me.Username);
        var replies = await chatBot.HandleMessageAsync(incoming, ct);
        await sender.SendAsync(new ReplyTarget(message.Chat.Id, TelegramChats.TopicOf(message)), replies, ct);
    }
}
