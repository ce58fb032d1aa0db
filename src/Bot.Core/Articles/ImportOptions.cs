using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Articles;

/// <summary>Limits and batching of article imports (configuration section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Files larger than this are refused without being read.</summary>
    [Range(1, int.MaxValue)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Articles written per transaction; larger batches import faster, a failing file still only fails itself.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
