using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file; its folder is created when missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/bot.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMs { get; set; } = 10_000;

    // The most SQLite maps (its compile-time SQLITE_MAX_MMAP_SIZE, 0x7fff0000 bytes): a 50,000-article archive
    // with its index is ≈ 3 GB, and at 1 GB the index pages past the map were read with pread and copied (search
    // p95 −17 % at 2 GB on that archive, docs/benchmarks.md).
    public const int DefaultMmapSizeMb = 2047;

    /// <summary>
    /// How much of the file SQLite reads through a memory map (address space, not memory: the pages are the
    /// OS page cache). Search over a large archive is ≈ 30 % faster with it; 0 turns it off.
    /// </summary>
    [Range(0, 2047)]
    public int MmapSizeMb { get; set; } = DefaultMmapSizeMb;
}
