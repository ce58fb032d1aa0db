using System.CommandLine;
using System.Diagnostics;
using Bot.Core.Search.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>
/// `reindex`: rewrites every article's search tokens. Never needed in normal use (every write updates the index in
/// its own transaction, and a format upgrade rebuilds at start); for an operator who doubts the index. Safe while
/// the bot runs: articles are rewritten in small transactions and stay searchable.
/// </summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the search index from the archive (safe while the bot runs)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => RunAsync(CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var clock = Stopwatch.StartNew();
        var progress = new SynchronousProgress(done => Console.Error.Write($"\rReindexed {done:N0} articles"));
        var count = await host.Services.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(progress, ct);
        Console.Error.WriteLine();
        Console.WriteLine($"Reindexed {count:N0} articles in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool, so its last report could print after the summary.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
