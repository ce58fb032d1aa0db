using System.Text;
using Bot.Core.Chat;
using Bot.Core.Sources;

namespace Bot.Core.Commands.Handlers;

/// <summary>/sources (admins): the feeds and folders the bot polls, with their status and last error.</summary>
public sealed class SourcesHandler(ISourceStore sources) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "sources", "Feeds the bot polls, with their status (admins)", "订阅源及其状态（管理员）",
        [],
        AdminOnly: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var list = await sources.ListAsync(ct);
        if (list.Count == 0)
        {
            return CommandContext.Say(context.Text.SourcesEmpty);
        }

        var text = new StringBuilder(context.Text.SourcesHeader(list.Count));
        foreach (var source in list)
        {
            var status = source.Paused ? "paused" : source.LastStatus ?? "never polled";
            text.Append('\n').Append(context.Text.SourceLine(
                source.Id,
                source.Url,
                source.Kind == SourceKind.Feed ? "feed" : "folder",
                SourceInterval.Format(source.Every),
                status,
                source.Articles));
            if (source.LastError is { } error)
            {
                text.Append('\n').Append(context.Text.SourceLastError(error));
            }
        }

        return CommandContext.Say(text.ToString());
    }
}
