using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Parsing;

/// <summary>URL-friendly names: from the file name without its date prefix, else from the title.</summary>
internal static partial class Slugs
{
    private const int MaxLength = 80;

    public static string From(string fileName, string title)
    {
        var stem = DatePrefix().Replace(Path.GetFileNameWithoutExtension(fileName), string.Empty);
        var slug = Clean(stem);
        if (slug.Length == 0)
        {
            slug = Clean(title);
        }

        return slug.Length == 0 ? "article" : slug;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= MaxLength)
            {
                break;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}-", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePrefix();
}
