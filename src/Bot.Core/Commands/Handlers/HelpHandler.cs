using System.Text;
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
        var help = new StringBuilder(context.Text.HelpHeader).Append('\n');
        foreach (var command in commands.Where(c => !c.AdminOnly))
        {
            help.Append('/').Append(command.Name).Append(" — ").Append(command.Description(language)).Append('\n');
        }

        if (context.IsAdmin)
        {
            help.Append('\n').Append(context.Text.HelpAdminHeader).Append('\n');
            foreach (var command in commands.Where(c => c.AdminOnly))
            {
                help.Append('/').Append(command.Name).Append(" — ").Append(command.Description(language)).Append('\n');
            }
        }

        help.Append('\n').Append(Rendering.MarkdownText.Escape(context.Text.HelpSearchSyntax));
        return help.ToString();
    }
}
