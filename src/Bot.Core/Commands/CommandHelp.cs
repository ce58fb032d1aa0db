namespace Bot.Core.Commands;

/// <summary>
/// The command list /help shows, in the user's language (admin commands only for admins). It lives beside
/// <see cref="ChatBot"/> rather than in the /help handler because the bot also answers an unknown command
/// with it, and the dispatcher must not depend on the handlers it dispatches to.
/// </summary>
public static class CommandHelp
{
    public static string Render(CommandContext context)
    {
        var commands = context.Commands.On(context.Message.Chat.Platform);
        var language = context.Text.Language;
        IEnumerable<(string, string)> Lines(bool admin) =>
            commands.Where(c => c.AdminOnly == admin).Select(c => (c.Name, c.Description(language)));
        return context.Text.Help(Lines(admin: false), context.IsAdmin ? Lines(admin: true) : null);
    }
}
