using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Telegram.Tests.Support;

/// <summary>Keeps every log line (message and exception text) so tests can look for leaked secrets.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, this);

    /// <summary>Waits for a log line (woken by each new line, not by a timer); fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            lock (_lock)
            {
                next = _logged.Task;
            }

            if (_lines.Any(predicate))
            {
                return;
            }

            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching log line; got:\n" + string.Join('\n', _lines));
            }
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _logged;
            _logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class ListLogger(string category, ListLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
