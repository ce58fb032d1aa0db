using Bot.Core.Localization;
using Microsoft.Net.Http.Headers;

namespace Bot.Web.Localization;

/// <summary>Picks zh or en from a browser's Accept-Language, honouring quality values.</summary>
public static class AcceptLanguage
{
    public static Language Pick(string? header, Language fallback)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1000
            || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var values))
        {
            return fallback;
        }

        foreach (var value in values.Where(v => (v.Quality ?? 1) > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.English;
            }
        }

        return fallback;
    }

    public static Language Parse(string code) => code == "en" ? Language.English : Language.Chinese;

    public static string Code(Language language) => language == Language.Chinese ? "zh" : "en";
}
