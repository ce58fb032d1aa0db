using System.CommandLine;
using Bot.Host.ConsoleChat;
using Bot.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Cli;

/// <summary>`console`: the local chat on the embedded database, with the sample articles on a first run.</summary>
public static class ConsoleCommand
{
    public static Command Create()
    {
        var command = new Command("console", "Open the local console chat (the same commands as on Telegram)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => RunAsync(CliOptions.ConfigArgs(result), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        using var host = BotHost.Build(BotMode.Console, configArgs, services => services.AddConsoleChat(Console.Out));
        await BotHost.MigrateAsync(host, ct);
        var samples = await SampleArticles.ImportOnFirstRunAsync(host, ct);
        if (samples > 0)
        {
            await Console.Error.WriteLineAsync($"First run: imported {samples} sample articles into the archive.");
        }

        await host.StartAsync(ct);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        await host.Services.GetRequiredService<ConsoleChatLoop>().RunAsync(Console.In, interactive: !Console.IsInputRedirected, stop.Token);
        if (!stop.IsCancellationRequested)
        {
            await host.Services.GetRequiredService<ConsoleDrain>().WaitAsync(TimeSpan.FromSeconds(10), stop.Token);
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
