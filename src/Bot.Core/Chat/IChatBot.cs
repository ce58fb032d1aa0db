namespace Bot.Core.Chat;

/// <summary>The one entry point adapters call for every user action.</summary>
public interface IChatBot
{
    Task<IReadOnlyList<Reply>> HandleMessageAsync(IncomingMessage message, CancellationToken ct);

    Task<IReadOnlyList<Reply>> HandleCallbackAsync(CallbackRequest callback, CancellationToken ct);
}
