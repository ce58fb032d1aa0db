using System.CommandLine;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`stats [--json]`: articles by state, subscriptions per platform, deliveries pending/sent/failed.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var json = CliOptions.Json();
        var command = new Command("stats", "Show archive, subscription and delivery counts") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction((result, ct) => RunAsync(result.GetValue(json), CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var articles = await host.Services.GetRequiredService<IArticleStore>().CountByStateAsync(ct);
        var publishing = host.Services.GetRequiredService<IPublishingService>();
        var deliveries = await publishing.StatsAsync(null, ct);
        var subscriptions = await publishing.SubscriptionStatsAsync(ct);

        var byState = Enum.GetValues<ArticleState>().ToDictionary(s => s.ToString().ToLowerInvariant(), s => articles[s]);
        var byPlatform = subscriptions.Where(s => s.Active).GroupBy(s => s.Platform.ToKey()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    articles = byState,
                    subscriptions = byPlatform,
                    deliveries = new { pending = deliveries.Pending, sent = deliveries.Sent, failed = deliveries.Failed },
                },
                CliJson.Options));
            return 0;
        }

        Console.WriteLine("Articles");
        foreach (var (state, count) in byState)
        {
            Console.WriteLine($"  {state,-12}{count,8}");
        }

        Console.WriteLine("Active subscriptions");
        foreach (var (platform, count) in byPlatform)
        {
            Console.WriteLine($"  {platform,-12}{count,8}");
        }

        Console.WriteLine("Deliveries");
        Console.WriteLine($"  {"pending",-12}{deliveries.Pending,8}");
        Console.WriteLine($"  {"sent",-12}{deliveries.Sent,8}");
        Console.WriteLine($"  {"failed",-12}{deliveries.Failed,8}");
        return 0;
    }
}
