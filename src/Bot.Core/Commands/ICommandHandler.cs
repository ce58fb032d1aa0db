namespace Bot.Core.Commands;

/// <summary>One command; handlers are found by <see cref="Name"/> in a table, never in a switch.</summary>
public interface ICommandHandler
{
    string Name { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct);
}

/// <summary>One kind of button; the payload starts with "<see cref="Prefix"/>:".</summary>
public interface ICallbackHandler
{
    string Prefix { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string argument, CancellationToken ct);
}
