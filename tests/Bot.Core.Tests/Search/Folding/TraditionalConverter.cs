using System.Text;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search.Folding;

/// <summary>
/// Writes Simplified text in Traditional characters, for the tests that search a Traditional corpus or type
/// Traditional queries: each Simplified character becomes the first Traditional one (in OpenCC's table order)
/// that folds to it, so 发 becomes 發 and 干 becomes 乾.
/// </summary>
internal static class TraditionalConverter
{
    private static readonly Dictionary<Rune, Rune> Traditional = ChineseFolding.Mapping
        .GroupBy(pair => pair.Value)
        .ToDictionary(group => group.Key, group => group.First().Key);

    public static string ToTraditional(string text)
    {
        var converted = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                converted.Append(text[i]);
                continue;
            }

            converted.Append(Traditional.GetValueOrDefault(rune, rune).ToString());
            i += used - 1;
        }

        return converted.ToString();
    }
}
