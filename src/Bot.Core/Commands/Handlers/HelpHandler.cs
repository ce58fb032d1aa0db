namespace Bot.Core.Commands.Handlers;

/// <summary>/help: the command list from the catalogue, in the user's language; admin commands only for admins.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new("help", "What this bot can do", "查看帮助", []);

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct) =>
        Task.FromResult(CommandContext.Say(Render(context)));

    public static string Render(CommandContext context)
    {
        var commands = context.Commands.On(context.Message.Chat.Platform);
        var language = context.Text.Language;
        IEnumerable<(string, string)> Lines(bool admin) =>
            commands.Where(c => c.AdminOnly == admin).Select(c => (c.Name, c.Description(language)));
        return context.Text.Help(Lines(admin: false), context.IsAdmin ? Lines(admin: true) : null);
    }
}
