using System.Text;
using Bot.Core.Localization;

namespace Bot.Core.Commands.Handlers;

/// <summary>/help: the command list from the catalogue, in the user's language; admin commands only for admins.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public string Name => "help";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        Task.FromResult(CommandContext.Say(Render(context)));

    public static string Render(CommandContext context)
    {
        var platform = context.Message.Chat.Platform;
        var chinese = context.Text.Language == Language.Chinese;
        var help = new StringBuilder(context.Text.HelpHeader).Append('\n');
        foreach (var command in CommandCatalog.All.Where(c => c.IsOn(platform) && !c.AdminOnly))
        {
            help.Append('/').Append(command.Name).Append(" — ").Append(chinese ? command.DescriptionZh : command.DescriptionEn).Append('\n');
        }

        if (context.IsAdmin)
        {
            help.Append('\n').Append(context.Text.HelpAdminHeader).Append('\n');
            foreach (var command in CommandCatalog.All.Where(c => c.IsOn(platform) && c.AdminOnly))
            {
                help.Append('/').Append(command.Name).Append(" — ").Append(chinese ? command.DescriptionZh : command.DescriptionEn).Append('\n');
            }
        }

        help.Append('\n').Append(Rendering.MarkdownText.Escape(context.Text.HelpSearchSyntax));
        return help.ToString();
    }
}
