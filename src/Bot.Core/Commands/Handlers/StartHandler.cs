using Bot.Core.Chat;

namespace Bot.Core.Commands.Handlers;

/// <summary>/start, and Telegram deep links "/start a42" that open article 42.</summary>
public sealed class StartHandler(ReadHandler read) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "start", "Welcome and how to begin", "欢迎与入门", [],
        Platforms: [Platform.Telegram, Platform.Console]);

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var payload = context.Arguments.Trim();
        if (payload.Length > 1 && payload[0] == 'a' && long.TryParse(payload.AsSpan(1), out var id))
        {
            return read.ReadAsync(context, id, ct);
        }

        return Task.FromResult(CommandContext.Say(context.Text.Welcome));
    }
}
