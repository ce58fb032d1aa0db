namespace Bot.Core.Importing;

/// <summary>
/// A file found for import. <paramref name="SourceFile"/> is its path relative to the folder it was
/// found in (its name when given directly), with '/' separators: the key that makes re-imports update in place.
/// </summary>
public sealed record ImportFile(string DisplayPath, string FullPath, string SourceFile, long Length);
