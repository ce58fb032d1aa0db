using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;

namespace Bot.Core.Commands.Callbacks;

/// <summary>A button kind whose payload is parsed into <typeparamref name="TPayload"/> before the handler sees it; an unreadable payload is an expired button.</summary>
public abstract class CallbackHandler<TPayload> : ICallbackHandler
    where TPayload : class, IButtonPayload<TPayload>
{
    public string Kind => TPayload.Kind;

    public abstract bool AdminOnly { get; }

    public Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string payload, CancellationToken ct) =>
        TPayload.TryParse(payload, out var value)
            ? HandleAsync(context, value, ct)
            : Task.FromResult<IReadOnlyList<Reply>>([new Reply.Text(context.Text.ButtonExpired, Ephemeral: true)]);

    protected abstract Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, TPayload payload, CancellationToken ct);
}
