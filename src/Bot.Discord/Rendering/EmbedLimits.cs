namespace Bot.Discord.Rendering;

/// <summary>Discord's documented embed and message limits.</summary>
public static class EmbedLimits
{
    public const int Title = 256;
    public const int Description = 4096;
    public const int AuthorName = 256;
    public const int FooterText = 2048;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Total = 6000;
    public const int EmbedsPerMessage = 10;
    public const int MessageContent = 2000;

    /// <summary>Cuts to at most <paramref name="max"/> UTF-16 units with an ellipsis, never inside a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        else if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
