using System.CommandLine;
using Bot.Host.Cli.Media;
using Bot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>The command line: each sub-command lives in its own file and is listed here.</summary>
public static class BotCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Article-distribution bot for Telegram and Discord. Without a command: `run` when a platform token or Web:Urls is set, else `console`.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((result, ct) =>
        {
            var configArgs = CliOptions.ConfigArgs(result);
            return PlatformTokens.AnythingToRun(PlatformTokens.Peek(configArgs))
                ? RunCommand.RunAsync(configArgs, ct)
                : ConsoleCommand.RunAsync(configArgs, ct);
        });

        try
        {
            // Our own handler below names bad configuration keys; the default one would print a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OptionsValidationException e)
        {
            // Fail fast and name the bad key; never print the configuration values themselves.
            await Console.Error.WriteLineAsync("Configuration error:");
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return 2;
        }
    }

    private static IEnumerable<Command> Commands()
    {
        yield return RunCommand.Create();
        yield return ConsoleCommand.Create();
        yield return StatsCommand.Create();
        yield return BackupCommand.Create();
        yield return ImportCommand.Create();
        yield return ArticlesCommand.Create();
        yield return SourcesCommand.Create();
        yield return SearchCommand.Create();
        yield return ReindexCommand.Create();
        yield return ExportSiteCommand.Create();
        yield return SubscribersCommand.Create();
        yield return MediaCommand.Create();
    }
}
