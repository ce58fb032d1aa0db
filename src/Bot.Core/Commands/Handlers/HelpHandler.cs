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
        return Task.FromResult(CommandContext.Say(reachability.Length == 0 ? Render(context) : Render(context) + "\n\n" + reachability));
    }

    public static string Render(CommandContext context)
    {
        var commands = context.Commands.On(context.Message.Chat.Platform);
        var language = context.Text.Language;
        IEnumerable<(string, string)> Lines(bool admin) =>
            commands.Where(c => c.AdminOnly == admin).Select(c => (c.Name, c.Description(language)));
        return context.Text.Help(Lines(admin: false), context.IsAdmin ? Lines(admin: true) : null);
    }
}
