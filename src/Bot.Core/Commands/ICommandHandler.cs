using Bot.Core.Chat;

namespace Bot.Core.Commands;

/// <summary>
/// One command: its <see cref="Descriptor"/> (name, texts, options, rules) and what it does. Handlers are
/// found by name in a table built from the descriptors, never in a switch; the rules are enforced before
/// <see cref="HandleAsync"/> runs.
/// </summary>
public interface ICommandHandler
{
    CommandDescriptor Descriptor { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct);
}

/// <summary>One kind of button. Its payloads start with "<see cref="Kind"/>:"; see <see cref="CallbackHandler{TPayload}"/>.</summary>
public interface ICallbackHandler
{
    string Kind { get; }

    /// <summary>Only bot admins may press it; the pipeline refuses others.</summary>
    bool AdminOnly { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string payload, CancellationToken ct);
}
