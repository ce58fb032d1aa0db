namespace Bot.Host.ConsoleChat;

/// <summary>Where the console chat writes; one lock so a delivered article never interleaves with a reply.</summary>
public sealed class ConsoleOutput(TextWriter writer)
{
    private readonly Lock _lock = new();

    public void Write(string text)
    {
        lock (_lock)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
