namespace Bot.Core.Parsing;

/// <summary>"zh" when Han characters dominate, else "en". One Han character carries about a word, so it counts as much as a few Latin letters.</summary>
internal static class LanguageGuess
{
    private const int LatinLettersPerHan = 3;

    public static string Of(string text)
    {
        long han = 0;
        long latin = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FA1F) or (>= 0xF900 and <= 0xFAFF))
            {
                han++;
            }
            else if (value is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                latin++;
            }
        }

        return han > 0 && han * LatinLettersPerHan >= latin ? "zh" : "en";
    }
}
