using Bot.Core.Parsing;
using Bot.Testing;

namespace Bot.Core.Tests.Parsing;

/// <summary>The project's own samples/ (imported on the first console run) must all parse and carry the demo tags.</summary>
public sealed class SampleArticlesTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepoRoot, "samples");
    private readonly ArticleParser _parser = new();

    [Fact]
    public void Parse_EverySample_Succeeds()
    {
        var files = Directory.GetFiles(Folder);

        Assert.InRange(files.Length, 5, 10);
        Assert.All(files, f => Assert.True(_parser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)).Succeeded, f));
    }

    [Fact]
    public void Parse_Samples_CoverTheSearchDemo()
    {
        var articles = Directory.GetFiles(Folder).Select(f => _parser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)).Article!).ToList();

        var tags = articles.SelectMany(a => a.Tags).ToHashSet();
        Assert.Superset(new HashSet<string> { "朝鲜", "俄罗斯", "普京", "media" }, tags);
        Assert.Contains(articles, a => a.Language == "en");
        Assert.Contains(articles, a => a.SourceFile!.EndsWith(".txt", StringComparison.Ordinal) && a.Language == "zh");
        Assert.Contains(articles, a => a.Published is null);
        Assert.Contains(articles, a => a.Title == "Notes on press freedom, recorded for a short video");
    }
}
