namespace Bot.Telegram.Api;

/// <summary>Removes the bot token from any text: Telegram puts it in every URL, and URLs end up in exception messages.</summary>
public static class TokenScrubber
{
    public const string Mask = "<token>";

    public static string Scrub(string? text, string? token)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(token))
        {
            return text ?? string.Empty;
        }

        return text
            .Replace(token, Mask, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(token), Mask, StringComparison.OrdinalIgnoreCase);
    }
}
