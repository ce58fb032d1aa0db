using System.Security.Cryptography;
using System.Text;

namespace Bot.Web.Pages;

/// <summary>
/// A tag as a file name that every file system and static host accepts: letters and digits (CJK
/// included) kept, anything else a dash, and a short hash of the tag appended whenever that changed it,
/// so "C#" and "C+" never share a file.
/// </summary>
public static class TagSlugs
{
    private const int MaxLength = 60;

    public static string FileName(string tag)
    {
        var key = tag.Trim().ToLowerInvariant();
        var slug = new StringBuilder(Math.Min(key.Length, MaxLength));
        foreach (var rune in key.EnumerateRunes())
        {
            if (slug.Length >= MaxLength)
            {
                break;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                slug.Append(rune.ToString());
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var clean = slug.ToString().Trim('-');
        if (clean.Length > 0 && clean == key)
        {
            return clean;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 4));
        return clean.Length == 0 ? "tag-" + hash : clean + "-" + hash;
    }
}
