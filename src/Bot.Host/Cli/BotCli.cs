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

        root.SetAction(async (result, ct) =>
        {
            var configArgs = CliOptions.ConfigArgs(result);
            if (StrayWord(configArgs) is { } unknown)
            {
                // A mistyped command ("bot sourcez") must not quietly open the console chat instead.
                await Console.Error.WriteLineAsync($"Unknown command '{unknown}'. Commands:");
                foreach (var command in root.Subcommands)
                {
                    await Console.Error.WriteLineAsync($"  {command.Name,-16}{command.Description}");
                }

                return 2;
            }

            return PlatformTokens.AnythingToRun(PlatformTokens.Peek(configArgs))
                ? await RunCommand.RunAsync(configArgs, ct)
                : await ConsoleCommand.RunAsync(configArgs, ct);
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

    /// <summary>
    /// The first word that is neither a configuration override (--Section:Key=value, or --Section:Key
    /// followed by its value) nor such a value: what the user meant as a command.
    /// </summary>
    public static string? StrayWord(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') || token.StartsWith('/'))
            {
                if (!token.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            return token;
        }

        return null;
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
