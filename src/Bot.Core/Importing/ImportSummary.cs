namespace Bot.Core.Importing;

/// <summary>A file that could not be imported and why, in words an archivist can act on.</summary>
public sealed record ImportFailure(string Path, string Error);

/// <summary>What one import run did. <see cref="Failed"/> lists every refused file; the others were stored.</summary>
public sealed record ImportSummary(int Imported, int Updated, int Unchanged, IReadOnlyList<ImportFailure> Failed)
{
    /// <summary>Images of the new and changed articles stored by this run.</summary>
    public int ImagesStored { get; init; }

    /// <summary>Images that could not be stored (each reference keeps its reason; `bot media retry` tries again).</summary>
    public int ImagesFailed { get; init; }

    public int Total => Imported + Updated + Unchanged + Failed.Count;
}

/// <summary>Progress of a run: <paramref name="Done"/> of <paramref name="Total"/> files handled, the last one being <paramref name="Path"/>.</summary>
public sealed record ImportProgress(int Done, int Total, string Path);
