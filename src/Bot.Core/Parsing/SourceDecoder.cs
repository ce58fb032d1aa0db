using System.Text;
using Bot.Core.Articles;

namespace Bot.Core.Parsing;

/// <summary>Turns a file's bytes into text, refusing anything that is not clean UTF-8 text.</summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text with a BOM removed and line endings made \n, or null with <paramref name="problem"/> set.</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, out ParseProblem? problem)
    {
        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        ReadOnlySpan<byte> utf16LittleEndianBom = [0xFF, 0xFE];
        ReadOnlySpan<byte> utf16BigEndianBom = [0xFE, 0xFF];
        if (bytes.StartsWith(utf8Bom))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith(utf16LittleEndianBom) || bytes.StartsWith(utf16BigEndianBom))
        {
            problem = new ParseProblem(ParseProblemKind.Utf16);
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = new ParseProblem(ParseProblemKind.Binary, nul);
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            problem = new ParseProblem(ParseProblemKind.NotUtf8, Math.Max(0, e.Index));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = new ParseProblem(ParseProblemKind.Empty);
            return null;
        }

        problem = null;
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }
}
