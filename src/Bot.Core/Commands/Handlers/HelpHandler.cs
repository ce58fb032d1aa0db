using System.Text;
using Bot.Core.Chat;
using Bot.Core.Links;

namespace Bot.Core.Commands.Handlers;

/// <summary>/help: the command list from the catalogue, in the user's language; admin commands only for admins; then the web archive and backup links.</summary>
public sealed class HelpHandler(ArticleLinks links) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new("help", "What this bot can do", "查看帮助", []);

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var reachability = context.Text.Reachability(links.PublicBase, links.Backups);
        var help = CommandHelp.Render(context);
        return Task.FromResult(CommandContext.Say(reachability.Length == 0 ? help : help + "\n\n" + reachability));
    }
}
