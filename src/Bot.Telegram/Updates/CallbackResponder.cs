using Bot.Core.Commands;
using Bot.Telegram.Access;
using Bot.Telegram.Api;
using Bot.Telegram.Api.Types;
using Bot.Telegram.Hosting;
using Bot.Telegram.Replies;
using Microsoft.Extensions.Logging;

namespace Bot.Telegram.Updates;

/// <summary>A button press: the spinner is stopped at once, then Core's answer edits or follows the message.</summary>
public sealed class CallbackResponder(
    IChatBot chatBot,
    ITelegramBotClient client,
    TelegramBotIdentity identity,
    TelegramReplySender sender,
    ILogger<CallbackResponder> logger)
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken ct)
    {
        try
        {
            await client.AnswerCallbackQuery(query.Id, null, ct);
        }
        catch (ApiRequestException ex)
        {
            // Too old to answer (Telegram allows about 15 s); the press itself is still handled.
            logger.LogInformation("Could not answer callback query: {Reason}", ex.Description);
        }

        if (query is not { Message: { } message, Data: { Length: > 0 } data })
        {
            return;
        }

        var anonymousAdmin = query.From.Id == TelegramChats.GroupAnonymousBotId;
        var request = new CallbackRequest(
            TelegramChats.ToChatRef(message),
            TelegramChats.ToUserRef(query.From),
            data,
            new TelegramChatAccess(client, identity, message.Chat, query.From.Id, anonymousAdmin));
        var replies = await chatBot.HandleCallbackAsync(request, ct);
        var thread = message.IsTopicMessage == true ? message.MessageThreadId : null;
        await sender.SendAsync(new ReplyTarget(message.Chat.Id, thread, message.MessageId), replies, ct);
    }
}
