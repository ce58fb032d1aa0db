using System.CommandLine;
using Bot.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli.Media;

/// <summary>`media retry`: fetches again every image not stored yet; exit 1 when some still fail.</summary>
public static class MediaRetryCommand
{
    public static Command Create()
    {
        var command = new Command("retry", "Fetch again every image that could not be stored") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => RunAsync(CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var summary = await host.Services.GetRequiredService<MediaArchiver>().RetryAsync(ct);
        Console.WriteLine($"stored {summary.Stored}, still not stored {summary.Failed}");
        foreach (var image in await host.Services.GetRequiredService<IMediaCatalog>().MissingAsync(null, ct))
        {
            Console.WriteLine($"  article {image.ArticleId}  {image.Url}: {image.Error}");
        }

        return summary.Failed > 0 ? 1 : 0;
    }
}
