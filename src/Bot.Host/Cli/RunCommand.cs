using System.CommandLine;
using Bot.Core.Hosting;
using Bot.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Cli;

/// <summary>`run`: the configured platforms, the scheduler and the delivery worker, until SIGTERM.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Start the bot on the configured platforms (Telegram:Token and/or Discord:Token) and the web archive (Web:Urls)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => RunAsync(CliOptions.ConfigArgs(result), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        if (!PlatformTokens.AnythingToRun(PlatformTokens.Peek(configArgs)))
        {
            await Console.Error.WriteLineAsync("Nothing to run: set Telegram__Token and/or Discord__Token (environment or user secrets), or Web__Urls to serve the web archive alone, or run `console` for the local chat.");
            return 2;
        }

        var problems = WebRequirements.Problems(PlatformTokens.Peek(configArgs));
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync("Configuration error:");
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync("  " + problem);
            }

            return 2;
        }

        using var host = BotHost.Build(BotMode.Run, configArgs);
        await BotHost.MigrateAsync(host, ct);

        // Taken before running: RunAsync disposes the host's services when it returns.
        var failure = host.Services.GetService<ApplicationFailure>();
        await host.RunAsync(ct);
        if (failure?.Cause is { } cause)
        {
            // Already logged; repeated on stderr so that `systemctl status` shows why the bot stopped.
            await Console.Error.WriteLineAsync("Stopped: " + cause);
            return ApplicationFailure.ExitCode;
        }

        return 0;
    }
}
