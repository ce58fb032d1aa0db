using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Support;

/// <summary>Keeps every formatted log line (and exception text) so tests can check what would be written.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
}
