namespace Bot.Bench;

/// <summary>One benchmark, run as `dotnet run -c Release --project bench/Bot.Bench -- NAME [--json]`.</summary>
public interface IBenchmark
{
    /// <summary>The sub-command name (import, search, delivery…).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs and prints a table (or one JSON object with --json). Returns the exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken ct);
}
