using Bot.Core.Chat;
using Bot.Telegram.Access;
using Bot.Telegram.Api;
using Bot.Telegram.Hosting;
using Bot.Telegram.Rendering;
using Bot.Telegram.Replies;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Telegram.Updates;

/// <summary>A button press: the spinner is stopped at once, then Core's answer edits or follows the message.</summary>
public sealed class CallbackResponder(
    IChatBot chatBot,
    ITelegramApi client,
    TelegramBotIdentity identity,
    TelegramReplySender sender,
    ILogger<CallbackResponder> logger)
{
    // Telegram shows at most 200 characters in a callback answer.
    private const int MaxToast = 200;

    public async Task HandleAsync(CallbackQuery query, CancellationToken ct)
    {
        if (query is not { Message: { } message, Data: { Length: > 0 } data })
        {
            await AnswerAsync(query, null, ct);
            return;
        }

        var anonymousAdmin = query.From.Id == TelegramChats.GroupAnonymousBotId;
        var request = new CallbackRequest(
            TelegramChats.ToChatRef(message),
            TelegramChats.ToUserRef(query.From),
            data,
            new TelegramChatAccess(client, identity, message.Chat, query.From.Id, anonymousAdmin));
        IReadOnlyList<Reply> replies;
        try
        {
            replies = await chatBot.HandleCallbackAsync(request, ct);
        }
        catch
        {
            await AnswerAsync(query, null, ct);
            throw;
        }

        // Only the presser should see an ephemeral answer ("button expired", "admins only"): in a group
        // a message would show it to everyone, so it becomes the callback's toast instead.
        var toast = replies.OfType<Reply.Text>().FirstOrDefault(r => r.Ephemeral && r.Buttons is null);
        await AnswerAsync(query, toast is null ? null : Toast(toast.Markdown), ct);
        await sender.SendAsync(new ReplyTarget(message.Chat.Id, TelegramChats.TopicOf(message), message.Id), [.. replies.Where(r => r != toast)], ct);
    }

    private static string Toast(string markdown)
    {
        var text = TelegramMarkdown.Render(markdown).Text;
        return text.Length <= MaxToast ? text : text[..(char.IsHighSurrogate(text[MaxToast - 2]) ? MaxToast - 2 : MaxToast - 1)] + "…";
    }

    private async Task AnswerAsync(CallbackQuery query, string? text, CancellationToken ct)
    {
        try
        {
            await client.AnswerCallbackQuery(query.Id, text, ct);
        }
        catch (ApiRequestException ex)
        {
            // Too old to answer (Telegram allows about 15 s); the press itself is still handled.
            logger.LogInformation("Could not answer callback query: {Reason}", ex.Message);
        }
    }
}
