using Bot.Core.Articles;
using Bot.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Importing;

/// <summary>
/// Imports files and folders into the archive. Files are read and parsed in parallel while the previous
/// batch is written in one transaction; a file that fails (unreadable, unparsable, refused by the
/// database) is reported and never stops the run. The images of new and changed articles are archived
/// after their batch is written (a failed image is recorded, never a failed file).
/// </summary>
public sealed class ArticleImporter(
    IArticleParser parser,
    IArticleStore store,
    IOptions<ImportOptions> options,
    ILogger<ArticleImporter> logger,
    MediaArchiver? media = null)
{
    // Bounds memory as well as count: a batch of large files is written early.
    private const long MaxBatchBytes = 32 * 1024 * 1024;

    public Task<ImportSummary> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        ImportAsync(paths, progress, fetchImages: true, ct);

    /// <param name="fetchImages">
    /// False records each article's images without fetching them (an archive imported offline, or from a
    /// network where the image hosts hang until the fetch timeout); `bot media retry` fetches them later.
    /// </param>
    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress, bool fetchImages, CancellationToken ct)
    {
        var (files, failures) = ImportFileFinder.Find(paths);
        var counts = new int[3];
        var images = MediaArchiveSummary.None;
        var done = 0;
        var total = files.Count + failures.Count;
        foreach (var failure in failures)
        {
            progress?.Report(new ImportProgress(++done, total, failure.Path));
        }

        var batches = Batches(files).ToList();
        var preparing = batches.Count > 0 ? PrepareAsync(batches[0], ct) : null;
        for (var i = 0; i < batches.Count; i++)
        {
            var prepared = await preparing!;
            // Read and parse the next batch while this one is written.
            preparing = i + 1 < batches.Count ? PrepareAsync(batches[i + 1], ct) : null;
            var written = await WriteAsync(prepared, ct);
            images += await ArchiveImagesAsync(prepared, written, fetchImages, ct);
            foreach (var (path, status, error, _) in written)
            {
                if (error is not null)
                {
                    failures.Add(new ImportFailure(path, error));
                    logger.LogDebug("Not imported {Path}: {Error}", path, error);
                }
                else
                {
                    counts[(int)status]++;
                }

                progress?.Report(new ImportProgress(++done, total, path));
            }
        }

        var summary = new ImportSummary(counts[(int)ImportStatus.Imported], counts[(int)ImportStatus.Updated], counts[(int)ImportStatus.Unchanged], failures)
        {
            ImagesStored = images.Stored,
            ImagesFailed = images.Failed,
        };
        logger.LogInformation(
            "Imported {Imported}, updated {Updated}, unchanged {Unchanged}, failed {Failed}",
            summary.Imported,
            summary.Updated,
            summary.Unchanged,
            summary.Failed.Count);
        return summary;
    }

    private Task<PreparedFile[]> PrepareAsync(List<ImportFile> batch, CancellationToken ct) => Task.Run(
        () =>
        {
            var prepared = new PreparedFile[batch.Count];
            var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, batch.Count, parallel, i => prepared[i] = Prepare(batch[i]));
            return prepared;
        },
        ct);

    private PreparedFile Prepare(ImportFile file)
    {
        try
        {
            // Checked before reading: a 50 MB file is refused without loading it.
            var length = new FileInfo(file.FullPath).Length;
            if (length > options.Value.MaxFileBytes)
            {
                return new PreparedFile(file, null, $"file is {length / 1024.0 / 1024.0:0.#} MB, over the {options.Value.MaxFileBytes / 1024.0 / 1024.0:0.#} MB limit (Import:MaxFileBytes)");
            }

            var result = parser.Parse(file.SourceFile, File.ReadAllBytes(file.FullPath));
            return result.Article is { } article
                ? new PreparedFile(file, article with { SourceFile = file.SourceFile }, null)
                : new PreparedFile(file, null, result.Error ?? "could not parse the file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreparedFile(file, null, $"cannot read: {e.Message}");
        }
    }

    private async Task<MediaArchiveSummary> ArchiveImagesAsync(PreparedFile[] prepared, List<(string Path, ImportStatus Status, string? Error, long ArticleId)> written, bool fetch, CancellationToken ct)
    {
        if (media is null)
        {
            return MediaArchiveSummary.None;
        }

        var sources = new List<MediaSource>();
        for (var i = 0; i < prepared.Length; i++)
        {
            if (written[i] is { Error: null, Status: ImportStatus.Imported or ImportStatus.Updated } && prepared[i].Article is { } article)
            {
                sources.Add(new MediaSource(written[i].ArticleId, article.Body, article.SourceUrl));
            }
        }

        return await media.ArchiveOrDeferAsync(sources, fetch, ct);
    }

    private async Task<List<(string Path, ImportStatus Status, string? Error, long ArticleId)>> WriteAsync(PreparedFile[] prepared, CancellationToken ct)
    {
        var parsed = prepared.Where(p => p.Article is not null).ToList();
        IReadOnlyList<BatchImportResult> stored;
        try
        {
            stored = parsed.Count == 0 ? [] : await store.ImportManyAsync([.. parsed.Select(p => p.Article!)], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The whole transaction failed (disk full, database locked for too long): none of these files is stored.
            logger.LogError(e, "Could not write a batch of {Count} articles", parsed.Count);
            stored = [.. parsed.Select(_ => new BatchImportResult(null, $"database error: {e.Message}"))];
        }

        var results = new List<(string, ImportStatus, string?, long)>(prepared.Length);
        var next = 0;
        foreach (var file in prepared)
        {
            if (file.Article is null)
            {
                results.Add((file.File.DisplayPath, default, file.Error, 0));
                continue;
            }

            var result = stored[next++];
            results.Add((file.File.DisplayPath, result.Outcome?.Status ?? default, result.Outcome is null ? result.Error ?? "not stored" : null, result.Outcome?.ArticleId ?? 0));
        }

        return results;
    }

    private IEnumerable<List<ImportFile>> Batches(List<ImportFile> files)
    {
        var batch = new List<ImportFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            batch.Add(file);
            bytes += Math.Min(file.Length, options.Value.MaxFileBytes);
            if (batch.Count >= options.Value.BatchSize || bytes >= MaxBatchBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
