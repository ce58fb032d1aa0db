using Bot.Core.Articles;

namespace Bot.Core.Media;

/// <summary>What `bot media prune` removed.</summary>
public sealed record MediaPruneResult(IReadOnlyList<StoredImage> Removed, int StrayFiles)
{
    public long BytesFreed => Removed.Sum(i => i.Bytes);
}

/// <summary>
/// Removes images no article references any more (deleting an article leaves its images until then), and
/// files a crash left without a row. Young stray files are kept: an archiver writes the file just before its row.
/// </summary>
public sealed class MediaPruner(IMediaCatalog catalog, MediaFiles files, TimeProvider time)
{
    private static readonly TimeSpan StrayAge = TimeSpan.FromHours(1);

    public async Task<MediaPruneResult> PruneAsync(CancellationToken ct)
    {
        var removed = await catalog.DeleteUnreferencedAsync(ct);
        foreach (var image in removed)
        {
            // Stored again since the rows were deleted (a concurrent import): its file is in use.
            if (await catalog.GetAsync(image.Sha256, ct) is null)
            {
                files.Delete(image.Sha256);
            }
        }

        var now = time.GetUtcNow();
        var stray = files.DeleteStaleTemporaryFiles(StrayAge, now);
        foreach (var (sha256, _) in files.List().ToList())
        {
            if (now - files.LastWriteUtc(sha256) > StrayAge && await catalog.GetAsync(sha256, ct) is null)
            {
                files.Delete(sha256);
                stray++;
            }
        }

        return new MediaPruneResult(removed, stray);
    }
}
