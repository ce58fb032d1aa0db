namespace Bot.Core.Importing;

/// <summary>Expands the paths given to an import into article files, folders recursively and in a stable order.</summary>
public static class ImportFileFinder
{
    /// <summary>The extensions imported from folders.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".md", ".markdown", ".txt"];

    public static (List<ImportFile> Files, List<ImportFailure> Failures) Find(IEnumerable<string> paths)
    {
        var files = new List<ImportFile>();
        var failures = new List<ImportFailure>();
        foreach (var path in paths)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(InFolder(path));
                }
                else if (File.Exists(path))
                {
                    if (IsArticle(path))
                    {
                        files.Add(new ImportFile(path, Path.GetFullPath(path), Path.GetFileName(path), new FileInfo(path).Length));
                    }
                    else
                    {
                        failures.Add(new ImportFailure(path, $"not an article file (expected {string.Join(", ", Extensions)})"));
                    }
                }
                else
                {
                    failures.Add(new ImportFailure(path, "no such file or folder"));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                failures.Add(new ImportFailure(path, $"cannot read: {e.Message}"));
            }
        }

        return (files, failures);
    }

    private static List<ImportFile> InFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        // Hidden folders (.git) are skipped by the default options; inaccessible ones are skipped, not fatal.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(IsArticle)
            .Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new ImportFile(Path.Join(folder, f.Relative), f.Full, f.Relative, new FileInfo(f.Full).Length))
            .ToList();
    }

    private static bool IsArticle(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
