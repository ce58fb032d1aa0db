using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Media;

/// <summary>Where and how images are archived (configuration section "Media").</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder of stored images; empty means <c>media</c> beside the database file.</summary>
    public string? Path { get; set; }

    /// <summary>Largest image stored; a larger body is abandoned as soon as the count passes this.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Images archived per article; the rest stay links.</summary>
    [Range(0, 1000)]
    public int MaxPerArticle { get; set; } = 50;

    /// <summary>Images fetched at once (per archiving run): small, so one article cannot hammer a host.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Resolves <see cref="Path"/> against the database file's folder.</summary>
    public string FolderFor(string databaseFile) =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databaseFile))!, "media")
            : System.IO.Path.GetFullPath(Path);
}
