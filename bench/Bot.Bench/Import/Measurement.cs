using System.Diagnostics;

namespace Bot.Bench.Import;

/// <summary>Wall-clock and process CPU time of one phase (CPU shows the cost even when the machine is shared).</summary>
internal sealed record Measurement(string Phase, int Articles, TimeSpan Wall, TimeSpan Cpu)
{
    public double PerSecond => Articles / Wall.TotalSeconds;

    public double CpuMsPerArticle => Cpu.TotalMilliseconds / Articles;

    public static async Task<Measurement> RunAsync(string phase, int articles, Func<Task> work)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        process.Refresh();
        return new Measurement(phase, articles, clock.Elapsed, process.TotalProcessorTime - cpu);
    }
}
