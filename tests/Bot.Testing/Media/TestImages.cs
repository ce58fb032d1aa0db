using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Bot.Testing.Media;

/// <summary>
/// Tiny valid images of each archived format, made in code with the size asked for (all gray pixels),
/// so tests never copy binary fixtures. <see cref="Variant"/> makes images of equal size but different bytes.
/// </summary>
public static class TestImages
{
    /// <summary>8-bit grayscale PNG; <paramref name="shade"/> changes the pixels (and so the hash).</summary>
    public static byte[] Png(int width, int height, byte shade = 0x80)
    {
        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            raw.AsSpan((y * (width + 1)) + 1, width).Fill(shade); // filter byte 0, then the row
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), compression, filter, interlace all 0
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A baseline grayscale JPEG whose every 8×8 block is flat gray: one Huffman code each for DC 0 and end-of-block.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]); // quantization table 0, all ones
        Segment(jpeg, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        byte[] oneCode = [1, .. new byte[15], 0]; // one code of length 1, for symbol 0
        Segment(jpeg, 0xC4, [0x00, .. oneCode]);  // DC table 0: category 0 (difference 0)
        Segment(jpeg, 0xC4, [0x10, .. oneCode]);  // AC table 0: symbol 0x00 = end of block
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2; // "0" (DC) + "0" (EOB) per block, padded with ones
        var data = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            data[^1] = (byte)(0xFF >> (bits % 8));
        }

        jpeg.Write(data); // zero bytes need no stuffing; 0xFF never appears before the padding
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>A GIF89a canvas of the size asked for holding one 1×1 frame (smaller frames are legal).</summary>
    public static byte[] Gif(int width, int height)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(size, (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(size[2..], (ushort)height);
        gif.Write(size);
        gif.Write([0x80, 0, 0]);                       // global colour table of 2 entries
        gif.Write([0x80, 0x80, 0x80, 0xFF, 0xFF, 0xFF]);
        gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor: 1×1 at 0,0
        gif.Write([0x02, 0x02, 0x44, 0x01, 0x00]);     // LZW: clear, pixel 0, end
        gif.Write([0x3B]);
        return gif.ToArray();
    }

    /// <summary>A lossless WebP (VP8L) whose five prefix codes each have one symbol, so every pixel costs no bits.</summary>
    public static byte[] WebP(int width, int height)
    {
        var bits = new BitWriter();
        bits.Write(0x2F, 8);
        bits.Write((uint)(width - 1), 14);
        bits.Write((uint)(height - 1), 14);
        bits.Write(0, 1); // no alpha
        bits.Write(0, 3); // version 0
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes
        for (var code = 0; code < 5; code++)
        {
            bits.Write(1, 1); // simple code
            bits.Write(0, 1); // one symbol
            bits.Write(0, 1); // of 1 bit
            bits.Write(0, 1); // symbol 0
        }

        var payload = bits.ToArray();
        using var webp = new MemoryStream();
        var chunkLength = payload.Length + (payload.Length % 2);
        webp.Write("RIFF"u8);
        WriteLe(webp, 4 + 8 + chunkLength);
        webp.Write("WEBPVP8L"u8);
        WriteLe(webp, payload.Length);
        webp.Write(payload);
        if (payload.Length % 2 == 1)
        {
            webp.WriteByte(0);
        }

        return webp.ToArray();
    }

    /// <summary>PNGs of the same size with different pixels: distinct hashes for tests that need many images.</summary>
    public static byte[] Variant(int index) => Png(2 + (index % 7), 2 + (index / 7 % 7), (byte)(index * 37));

    /// <summary>An HTML error page, as a misconfigured server sends it with Content-Type image/png.</summary>
    public static byte[] HtmlPage { get; } = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>");

    private static void Segment(Stream stream, byte marker, byte[] payload)
    {
        stream.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        stream.Write(payload);
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        stream.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteLe(Stream stream, int value)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, value);
        stream.Write(number);
    }

    /// <summary>Least-significant-bit-first, as VP8L reads its bitstream.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _used = 8;

        public void Write(uint value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_used == 8)
                {
                    _bytes.Add(0);
                    _used = 0;
                }

                if (((value >> i) & 1) != 0)
                {
                    _bytes[^1] |= (byte)(1 << _used);
                }

                _used++;
            }
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
