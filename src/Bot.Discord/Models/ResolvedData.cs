namespace Bot.Discord.Models;

public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, Channel>? Channels { get; init; }

    public IReadOnlyDictionary<string, Attachment>? Attachments { get; init; }
}
