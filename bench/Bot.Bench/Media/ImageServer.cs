using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Bot.Testing.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Bench.Media;

/// <summary>
/// A loopback image host: <c>/img/{n}</c> serves image n, and any query string serves the same bytes under
/// another URL. Every image is a real PNG padded with a private ancillary chunk of 8 to 64 KB of random
/// bytes, so sizes look like web images and no two are alike. Counts what it served.
/// </summary>
internal sealed class ImageServer(int images) : IAsyncDisposable
{
    private readonly byte[][] _images = [.. Enumerable.Range(0, images).Select(Make)];
    private readonly ConcurrentDictionary<string, long> _servedByHash = new();
    private WebApplication? _app;
    private long _bytesServed;
    private int _requests;

    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    /// <summary>The bytes of every distinct image served at least once: what a content-addressed archive must hold.</summary>
    public long UniqueBytesServed => _servedByHash.Values.Sum();

    public int UniqueImagesServed => _servedByHash.Count;

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/img/{n:int}", (int n) => Serve(n));
        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult Serve(int n)
    {
        if (n < 0 || n >= _images.Length)
        {
            return Results.NotFound();
        }

        var bytes = _images[n];
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytesServed, bytes.Length);
        _servedByHash.TryAdd(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
        return Results.Bytes(bytes, "image/png");
    }

    private static byte[] Make(int n)
    {
        var random = new Random(n);
        var png = TestImages.Png(32 + (n % 97), 24 + (n % 31), (byte)n);
        var padding = new byte[random.Next(8 * 1024, 64 * 1024)];
        random.NextBytes(padding);
        // Before IEND (the last 12 bytes): a chunk readers skip, as they skip EXIF and colour profiles.
        var chunk = new byte[12 + padding.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, padding.Length);
        Encoding.ASCII.GetBytes("pdDg").CopyTo(chunk, 4);
        padding.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + padding.Length), Crc32(chunk.AsSpan(4, 4 + padding.Length)));
        return [.. png.AsSpan(0, png.Length - 12), .. chunk, .. png.AsSpan(png.Length - 12)];
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
