using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Cli;

/// <summary>A host for one-shot CLI commands: storage and services, migrated, no background work started.</summary>
public static class CliHost
{
    public static async Task<IHost> OpenAsync(string[] configArgs, CancellationToken ct)
    {
        var host = BotHost.Build(BotMode.Tool, configArgs);
        await BotHost.MigrateAsync(host, ct);
        return host;
    }
}
