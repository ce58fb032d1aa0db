using System.CommandLine;
using Bot.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli.Media;

/// <summary>`media prune`: removes images no article uses any more.</summary>
public static class MediaPruneCommand
{
    public static Command Create()
    {
        var command = new Command("prune", "Remove stored images that no article uses any more") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => RunAsync(CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var result = await host.Services.GetRequiredService<MediaPruner>().PruneAsync(ct);
        Console.WriteLine($"removed {result.Removed.Count} unused images ({result.BytesFreed} bytes), {result.StrayFiles} stray files");
        return 0;
    }
}
