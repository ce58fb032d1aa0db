using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bot.Core.Parsing;

/// <summary>
/// Remembers where the last YAML event started: some malformed inputs (an unclosed [list]) make
/// YamlDotNet's scanner throw InvalidOperationException without a position, and the archivist still
/// needs the line to look at.
/// </summary>
internal sealed class TrackingYamlParser(string yaml) : IParser
{
    private readonly Parser _inner = new(new StringReader(yaml));

    public Mark LastStart { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        var moved = _inner.MoveNext();
        if (_inner.Current is { } current)
        {
            LastStart = current.Start;
        }

        return moved;
    }
}
