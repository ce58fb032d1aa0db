using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>The command line: each sub-command lives in its own file and is listed here.</summary>
public static class BotCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Article-distribution bot for Telegram and Discord");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static IEnumerable<Command> Commands()
    {
        yield break;
    }
}
