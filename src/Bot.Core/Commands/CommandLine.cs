namespace Bot.Core.Commands;

/// <summary>A command as typed: "/search@OurBot 朝鲜 普京" → name "search", arguments "朝鲜 普京".</summary>
public sealed record CommandLine(string Name, string Arguments)
{
    private const int MaxNameLength = 32;

    /// <summary>
    /// Reads a command, or returns null for text that is not one, or for a command addressed to
    /// another bot ("/help@OtherBot" in a group, where several bots listen).
    /// </summary>
    public static CommandLine? Parse(string? text, string? botUsername)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return null;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var head = text[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressee = head[(at + 1)..];
            if (botUsername is null || !string.Equals(addressee, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            head = head[..at];
        }

        if (head.Length is 0 or > MaxNameLength || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new CommandLine(head.ToLowerInvariant(), text[end..].Trim());
    }
}
