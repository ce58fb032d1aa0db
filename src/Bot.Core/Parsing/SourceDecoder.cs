using System.Text;

namespace Bot.Core.Parsing;

/// <summary>Turns a file's bytes into text, refusing anything that is not clean UTF-8 text.</summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The text with a BOM removed and line endings made \n, or null with <paramref name="error"/> set.</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error)
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
            error = "UTF-16 text is not supported: save the file as UTF-8";
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = $"binary file: NUL byte at offset {nul}";
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            error = $"not valid UTF-8 (bad bytes near offset {Math.Max(0, e.Index)}); convert the file to UTF-8";
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty file";
            return null;
        }

        error = null;
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }
}
