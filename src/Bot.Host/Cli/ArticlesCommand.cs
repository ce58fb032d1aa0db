using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>`articles list|show`: look into the archive from the command line.</summary>
public static class ArticlesCommand
{
    public static Command Create()
    {
        var command = new Command("articles", "List or show archived articles");
        command.Subcommands.Add(ArticlesListCommand.Create());
        command.Subcommands.Add(ArticlesShowCommand.Create());
        return command;
    }
}
