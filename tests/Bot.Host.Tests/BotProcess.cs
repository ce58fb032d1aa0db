using System.Diagnostics;
using System.Text;
using Bot.Testing;

namespace Bot.Host.Tests;

/// <summary>Runs the real `bot` executable as a child process, the way an operator does.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private BotProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The host's own build output (with samples/), of the same configuration as the tests.</summary>
    public static string BotDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var own = Path.Combine(SharedData.RepoRoot, "src", "Bot.Host", "bin", configuration, "net10.0", "bot.dll");
            return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "bot.dll");
        }
    }

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BotDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A clean environment for what the bot reads: no token leaks in from the developer's shell.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Bot__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Append(bot._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(bot._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Runs to the end with the given standard input; fails the test if it hangs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        await using var bot = Start(workingDirectory, environment, args);
        if (input is not null)
        {
            await bot._process.StandardInput.WriteAsync(input);
        }

        bot._process.StandardInput.Close();
        var exit = await bot.WaitAsync(TimeSpan.FromSeconds(90));
        return (exit, bot.Stdout, bot.Stderr);
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"bot did not exit within {limit}. stdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        // Let the asynchronous readers drain what the process wrote last.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to clean up, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            target.AppendLine(line);
        }
    }
}
