using System.Security.Cryptography;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Media;

/// <summary>
/// The image files, named by the SHA-256 of their bytes under <see cref="MediaOptions.Path"/>
/// (<c>ab/abcdef…</c>, 256 folders so none grows huge). A file is written under a temporary name and
/// renamed, so a crash never leaves a half image under a real name; the same bytes are stored once.
/// </summary>
public sealed class MediaFiles
{
    private const string TempSuffix = ".partial";

    public MediaFiles(IOptions<MediaOptions> options, SqliteDatabase database)
        : this(options.Value.FolderFor(database.FilePath))
    {
    }

    public MediaFiles(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsHash(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);

    public string PathOf(string sha256) =>
        IsHash(sha256) ? Path.Combine(Folder, sha256[..2], sha256) : throw new ArgumentException($"'{sha256}' is not a lowercase SHA-256", nameof(sha256));

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Writes the bytes under their hash unless a complete file is already there; returns the hash.</summary>
    public async Task<string> WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var sha256 = Hash(bytes.Span);
        var target = PathOf(sha256);
        if (File.Exists(target) && new FileInfo(target).Length == bytes.Length)
        {
            return sha256;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Unique per writer: two archivers storing the same image never write into one temporary file.
        var temp = $"{target}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return sha256;
    }

    /// <summary>Opens a stored image for reading, or null when there is no such file.</summary>
    public Stream? OpenRead(string sha256)
    {
        try
        {
            return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadAllAsync(string sha256, CancellationToken ct)
    {
        await using var stream = OpenRead(sha256);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    public DateTimeOffset LastWriteUtc(string sha256) => File.GetLastWriteTimeUtc(PathOf(sha256));

    /// <summary>Every stored file's hash and size (temporary files left by a crash are not included).</summary>
    public IEnumerable<(string Sha256, long Bytes)> List()
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (IsHash(name))
            {
                yield return (name, new FileInfo(file).Length);
            }
        }
    }

    /// <summary>Temporary files a crash left behind, older than <paramref name="age"/> (younger ones may be a running write).</summary>
    public int DeleteStaleTemporaryFiles(TimeSpan age, DateTimeOffset now)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (now - File.GetLastWriteTimeUtc(file) > age)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
