using Telegram.Bot.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Telegram.Updates;

/// <summary>Dispatches one update by its shape to the responder for it; lives in the update's own scope.</summary>
public sealed class TelegramUpdateHandler(IServiceProvider services, ILogger<TelegramUpdateHandler> logger)
{
    public Task HandleAsync(Update update, CancellationToken ct) => update switch
    {
        { Message.MigrateToChatId: { } newId } => services.GetRequiredService<MembershipResponder>().HandleMigrationAsync(update.Message.Chat.Id, newId, ct),
        { Message.MigrateFromChatId: { } oldId } => services.GetRequiredService<MembershipResponder>().HandleMigrationAsync(oldId, update.Message.Chat.Id, ct),
        { Message: { } message } => services.GetRequiredService<MessageResponder>().HandleAsync(message, ct),
        { CallbackQuery: { } query } => services.GetRequiredService<CallbackResponder>().HandleAsync(query, ct),
        { InlineQuery: { } inline } => services.GetRequiredService<InlineQueryResponder>().HandleAsync(inline, ct),
        { MyChatMember: { } membership } => services.GetRequiredService<MembershipResponder>().HandleAsync(membership, ct),
        _ => Ignore(update),
    };

    private Task Ignore(Update update)
    {
        logger.LogDebug("Ignoring update {UpdateId} of a kind the bot does not handle", update.Id);
        return Task.CompletedTask;
    }
}
