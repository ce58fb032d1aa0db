using System.Text;
using Bot.Core.Articles;
using Bot.Core.Importing;
using Bot.Core.Parsing;
using Bot.Core.Storage.Articles;
using Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Articles;

public sealed class ArticleImporterTests : IAsyncLifetime
{
    private readonly RecordingArticleIndex _index = new();
    private readonly ImportOptions _options = new() { BatchSize = 2, MaxFileBytes = 1024 * 1024 };
    private TempDatabase _database = null!;
    private SqliteArticleStore _store = null!;
    private ArticleImporter _importer = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _folder = Directory.CreateDirectory(Path.Combine(_database.Folder, "archive")).FullName;
        _store = new SqliteArticleStore(_database.Database, _index, new FakeTimeProvider(), NullLogger<SqliteArticleStore>.Instance);
        _importer = new ArticleImporter(new ArticleParser(_options), _store, Options.Create(_options), NullLogger<ArticleImporter>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ImportAsync_FolderWithBrokenFiles_ImportsTheGoodOnesAndExplainsTheRest()
    {
        Write("2024-01-01-good.md", "---\ntitle: 好文章\ntags: 朝鲜\n---\n正文\n");
        Write("sub/deeper/transcript.txt", "朝鲜和俄罗斯 签了条约 我们来聊聊");
        Write("sub/english.markdown", "# Media\n\nAn English note.\n");
        Write("unclosed.md", "---\ntitle: open\nbody\n");
        Write("bad-yaml.md", "---\ntitle: [oops\n---\nbody\n");
        WriteBytes("binary.md", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        WriteBytes("gbk.txt", [0xD6, 0xD0, 0xCE, 0xC4]);
        WriteBytes("empty.md", []);
        WriteHuge("huge.md", 50L * 1024 * 1024);
        Write("notes.json", "{}");
        Write(".hidden/secret.md", "---\ntitle: hidden\n---\nx\n");

        var summary = await _importer.ImportAsync([_folder], null, CancellationToken.None);

        Assert.Equal(3, summary.Imported);
        Assert.Equal(0, summary.Updated);
        var failed = summary.Failed.ToDictionary(f => Path.GetFileName(f.Path), f => f.Error);
        Assert.Equal(["bad-yaml.md", "binary.md", "empty.md", "gbk.txt", "huge.md", "unclosed.md"], failed.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("never closed", failed["unclosed.md"], StringComparison.Ordinal);
        Assert.Contains("invalid YAML", failed["bad-yaml.md"], StringComparison.Ordinal);
        Assert.Contains("binary file", failed["binary.md"], StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", failed["gbk.txt"], StringComparison.Ordinal);
        Assert.Equal("empty file", failed["empty.md"]);
        Assert.Contains("50 MB, over the 1 MB limit", failed["huge.md"], StringComparison.Ordinal);
        var sources = (await _store.ListAsync(CancellationToken.None)).Select(a => a.SourceFile);
        Assert.Equal(["2024-01-01-good.md", "sub/deeper/transcript.txt", "sub/english.markdown"], sources);
    }

    [Fact]
    public async Task ImportAsync_SameFolderTwice_ChangesNothing()
    {
        Write("a.md", "---\ntitle: A\n---\nbody a\n");
        Write("b.txt", "文字记录 第二篇");
        Write("c.md", "---\ntitle: C\n---\nbody c\n");
        var first = await _importer.ImportAsync([_folder], null, CancellationToken.None);
        var before = await _store.ListAsync(CancellationToken.None);

        var second = await _importer.ImportAsync([_folder], null, CancellationToken.None);

        Assert.Equal(3, first.Imported);
        Assert.Equal((0, 0, 3), (second.Imported, second.Updated, second.Unchanged));
        Assert.Empty(second.Failed);
        Assert.Equal(before, await _store.ListAsync(CancellationToken.None), new SummaryComparer());
        Assert.Equal(3, _index.Indexed.Count);
    }

    [Fact]
    public async Task ImportAsync_ChangedFile_UpdatesTheSameArticle()
    {
        Write("a.md", "---\ntitle: 旧标题\n---\nbody\n");
        await _importer.ImportAsync([_folder], null, CancellationToken.None);
        var id = (await _store.ListAsync(CancellationToken.None)).Single().Id;
        Write("a.md", "---\ntitle: 新标题\n---\nbody changed\n");

        var summary = await _importer.ImportAsync([_folder], null, CancellationToken.None);

        Assert.Equal(1, summary.Updated);
        var article = await _store.GetAsync(id, CancellationToken.None);
        Assert.Equal("新标题", article!.Title);
        Assert.Single(await _store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_FileGivenDirectly_IsKeyedByItsName()
    {
        var path = Write("nested/single.md", "---\ntitle: S\n---\nbody\n");

        var summary = await _importer.ImportAsync([path], null, CancellationToken.None);

        Assert.Equal(1, summary.Imported);
        Assert.Equal("single.md", (await _store.ListAsync(CancellationToken.None)).Single().SourceFile);
    }

    [Fact]
    public async Task ImportAsync_MissingPathAndWrongExtension_AreFailures()
    {
        var json = Write("data.json", "{}");
        var missing = Path.Combine(_folder, "nope");

        var summary = await _importer.ImportAsync([missing, json], null, CancellationToken.None);

        Assert.Equal([new ImportFailure(missing, "no such file or folder"), new ImportFailure(json, "not an article file (expected .md, .markdown, .txt)")], summary.Failed);
    }

    [Fact]
    public async Task ImportAsync_DatabaseRefusesOneFile_OthersOfItsBatchAreStored()
    {
        _index.FailForTitle = "refused";
        Write("1.md", "---\ntitle: first\n---\nx\n");
        Write("2.md", "---\ntitle: refused\n---\nx\n");
        Write("3.md", "---\ntitle: third\n---\nx\n");

        var summary = await _importer.ImportAsync([_folder], null, CancellationToken.None);

        Assert.Equal(2, summary.Imported);
        var failure = Assert.Single(summary.Failed);
        Assert.EndsWith("2.md", failure.Path, StringComparison.Ordinal);
        Assert.Contains("database refused", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ReportsProgressForEveryFile()
    {
        for (var i = 0; i < 5; i++)
        {
            Write($"{i}.md", $"---\ntitle: t{i}\n---\nx\n");
        }

        var reports = new List<ImportProgress>();
        await _importer.ImportAsync([_folder, Path.Combine(_folder, "missing")], new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5, 6], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(6, r.Total));
        Assert.EndsWith("missing", reports[0].Path, StringComparison.Ordinal);
        Assert.EndsWith("4.md", reports[^1].Path, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task ImportAsync_CorpusAndSeeds_AllImportWithoutFailure()
    {
        var summary = await _importer.ImportAsync([SharedData.CorpusDir, SharedData.SeedsDir], null, CancellationToken.None);

        Assert.Empty(summary.Failed);
        Assert.Equal(Directory.GetFiles(SharedData.CorpusDir).Length + 2, summary.Imported);
        var tags = await _store.TagsAsync(CancellationToken.None);
        Assert.Equal("新冠肺炎", tags[0].Tag);
        Assert.Contains(tags, t => t.Tag == "普京");

        var again = await _importer.ImportAsync([SharedData.CorpusDir, SharedData.SeedsDir], null, CancellationToken.None);
        Assert.Equal(summary.Imported, again.Unchanged);
    }

    private string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string relative, byte[] content)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private void WriteHuge(string relative, long length)
    {
        // A sparse file: 50 MB long without writing 50 MB.
        using var stream = File.Create(Path.Combine(_folder, relative));
        stream.SetLength(length);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class SummaryComparer : IEqualityComparer<ArticleSummary>
    {
        public bool Equals(ArticleSummary? x, ArticleSummary? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Title == y.Title && x.SourceFile == y.SourceFile && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(ArticleSummary obj) => obj.Id.GetHashCode();
    }
}
