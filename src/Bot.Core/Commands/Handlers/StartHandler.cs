using Bot.Core.Chat;
using Bot.Core.Links;

namespace Bot.Core.Commands.Handlers;

/// <summary>/start, and Telegram deep links "/start a42" that open article 42.</summary>
public sealed class StartHandler(ReadHandler read, ArticleLinks links) : ICommandHandler
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

        var reachability = context.Text.Reachability(links.PublicBase, links.Backups);
        return Task.FromResult(CommandContext.Say(reachability.Length == 0 ? context.Text.Welcome : context.Text.Welcome + "\n\n" + reachability));
    }
}
