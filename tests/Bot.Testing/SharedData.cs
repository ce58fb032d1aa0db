using Xunit;

namespace Bot.Testing;

/// <summary>
/// Finds ../shared (the seeds and the Terminus corpus, others' writing that is never copied into
/// the project) by walking up from the test's folder to the repository and looking beside it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? SharedRoot => Root.Value;

    public static bool Available => SharedRoot is not null;

    public static string CorpusDir => System.IO.Path.Combine(SharedRoot ?? throw NotThere(), "corpus", "terminus");

    public static string SeedsDir => System.IO.Path.Combine(SharedRoot ?? throw NotThere(), "seeds");

    public const string SkipReason = "../shared/ (seeds and corpus) is not next to this checkout; these tests read real articles from there and are skipped without it.";

    /// <summary>The repository root (the folder holding Bot.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(System.IO.Path.Combine(candidate, "corpus", "terminus")) && Directory.Exists(System.IO.Path.Combine(candidate, "seeds"))
            ? candidate
            : null;
    }

    private static InvalidOperationException NotThere() => new(SkipReason);
}

/// <summary>A fact that needs ../shared: skipped with a clear reason where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.Available)
        {
            Skip = SharedData.SkipReason;
        }
    }
}

/// <summary>A theory that needs ../shared.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.Available)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
