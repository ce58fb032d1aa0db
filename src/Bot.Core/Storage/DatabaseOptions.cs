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
}
