using System.Buffers.Binary;
using Bot.Core.Articles;

namespace Bot.Core.Media;

/// <summary>
/// Tells PNG, JPEG, GIF and WebP apart by their bytes and reads their dimensions from the header.
/// The server's Content-Type is never trusted: an HTML error page served as image/png is not an image.
/// </summary>
public static class ImageSniffer
{
    /// <summary>The image's type and size, or null when the bytes are none of the four formats (or a truncated header).</summary>
    public static ImageInfo? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(bytes),
            [0xFF, 0xD8, 0xFF, ..] => Jpeg(bytes),
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Gif(bytes),
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => WebP(bytes),
            _ => null,
        };

    private static ImageInfo? Png(ReadOnlySpan<byte> bytes)
    {
        // The first chunk must be IHDR: width and height as big-endian 32-bit numbers.
        if (bytes.Length < 24 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return Valid(ImageInfo.Png, BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
    }

    private static ImageInfo? Gif(ReadOnlySpan<byte> bytes) =>
        bytes.Length < 10 ? null : Valid(ImageInfo.Gif, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> bytes)
    {
        // Walk the segments after SOI until a start-of-frame, which holds height then width.
        var i = 2;
        while (i + 4 <= bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or scan data before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            if (length < 2)
            {
                return null;
            }

            // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return i + 9 > bytes.Length
                    ? null
                    : Valid(ImageInfo.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageInfo? WebP(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16)
        {
            return null;
        }

        var chunk = bytes.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8) && bytes.Length >= 30)
        {
            // Lossy: a key frame's start code, then 14-bit width and height (the top 2 bits are scaling).
            if (bytes[23] != 0x9D || bytes[24] != 0x01 || bytes[25] != 0x2A)
            {
                return null;
            }

            return Valid(ImageInfo.WebP, BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && bytes.Length >= 25)
        {
            // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each, least significant bit first.
            if (bytes[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return Valid(ImageInfo.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8) && bytes.Length >= 30)
        {
            // Extended: canvas width-1 and height-1 in 24 bits each.
            var width = bytes[24] | (bytes[25] << 8) | (bytes[26] << 16);
            var height = bytes[27] | (bytes[28] << 8) | (bytes[29] << 16);
            return Valid(ImageInfo.WebP, width + 1, height + 1);
        }

        return null;
    }

    private static ImageInfo? Valid(string type, int width, int height) =>
        width > 0 && height > 0 ? new ImageInfo(type, width, height) : null;
}
