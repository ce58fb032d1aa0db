using System.Diagnostics;
using Bot.Core.Importing;

namespace Bot.Host.Cli;

/// <summary>One self-overwriting line on a terminal: "  123/511  path". Redrawn at most ten times a second.</summary>
public sealed class ImportProgressLine(TextWriter terminal) : IProgress<ImportProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private int _width;

    public void Report(ImportProgress value)
    {
        if (_sinceDraw.Elapsed < Interval && value.Done < value.Total)
        {
            return;
        }

        _sinceDraw.Restart();
        var line = $"  {value.Done}/{value.Total}  {value.Path}";
        var max = Math.Max(20, SafeWindowWidth() - 1);
        if (line.Length > max)
        {
            line = line[..max];
        }

        terminal.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Clear()
    {
        terminal.Write("\r" + new string(' ', _width) + "\r");
        terminal.Flush();
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
