using Bot.Core.Search;

namespace Bot.Core.Tests.Search.Folding;

/// <summary>Traditional and Simplified find each other, in text, titles, tags and snippets.</summary>
public sealed class TraditionalSearchTests : IAsyncLifetime
{
    private SearchArchive _archive = null!;

    public async Task InitializeAsync() => _archive = await SearchArchive.CreateAsync();

    public async Task DisposeAsync() => await _archive.DisposeAsync();

    [Fact]
    public async Task Search_TraditionalOrSimplifiedQuery_FindsArticlesInBothForms()
    {
        var simplified = await _archive.AddAsync(new("一", "大学生们在广场上集会。"));
        var traditional = await _archive.AddAsync(new("二", "大學生們在廣場上集會。"));
        await _archive.AddAsync(new("三", "学 生"));

        Assert.Equal([simplified, traditional], (await Ids("学生")).Order());
        Assert.Equal([simplified, traditional], (await Ids("學生")).Order());
        Assert.Equal([simplified, traditional], (await Ids("大學生们")).Order());
    }

    [Theory]
    [InlineData("头发", "頭髮", "发展", "發展", "发髮發")]
    [InlineData("干净", "乾淨", "干部", "幹部", "干乾幹")]
    [InlineData("后来", "後來", "皇后", "皇后", "后後")]
    [InlineData("面条", "麵條", "面对", "面對", "面麵")]
    [InlineData("轻松", "輕鬆", "松树", "松樹", "松鬆")]
    public async Task Search_OneToManyCharacters_MatchExactlyAfterFolding(string simplifiedA, string traditionalA, string simplifiedB, string traditionalB, string sharedForms)
    {
        var a = await _archive.AddAsync(new("一", $"他说：{simplifiedA}。"));
        var ta = await _archive.AddAsync(new("二", $"他說：{traditionalA}。"));
        var b = await _archive.AddAsync(new("三", $"他说：{simplifiedB}。"));
        var tb = await _archive.AddAsync(new("四", $"他說：{traditionalB}。"));

        foreach (var query in new[] { simplifiedA, traditionalA })
        {
            Assert.Equal([a, ta], (await Ids(query)).Order());
        }

        foreach (var query in new[] { simplifiedB, traditionalB })
        {
            Assert.Equal([b, tb], (await Ids(query)).Order());
        }

        // The shared Simplified character finds all four, and so does each Traditional form of it.
        foreach (var form in sharedForms)
        {
            Assert.Equal([a, ta, b, tb], (await Ids(form.ToString())).Order());
        }
    }

    [Fact]
    public async Task Search_TraditionalArticle_SnippetAndHighlightKeepItsOwnCharacters()
    {
        var text = new string('前', 100) + "，美國總統和臺灣的大學生們見面，" + new string('後', 100);
        await _archive.AddAsync(new("見面", text));

        var hit = Assert.Single((await Search("台湾的大学生")).Hits);

        Assert.Contains("臺灣的大學生們見面", hit.Snippet, StringComparison.Ordinal);
        var highlight = Assert.Single(hit.Highlights);
        Assert.Equal("臺灣的大學生", hit.Snippet.Substring(highlight.Start, highlight.Length));
    }

    [Fact]
    public async Task Search_TraditionalTitle_IsFoundBySimplifiedQuery()
    {
        var id = await _archive.AddAsync(new("香港選舉觀察", "正文没有那几个字。"));

        Assert.Equal([id], await Ids("选举"));
    }

    [Fact]
    public async Task Search_TagFilter_MatchesTheTagInEitherForm()
    {
        var simplified = await _archive.AddAsync(new("一", "新闻", Tags: ["台湾"]));
        var traditional = await _archive.AddAsync(new("二", "新聞", Tags: ["臺灣"]));
        var other = await _archive.AddAsync(new("三", "新闻", Tags: ["香港"]));

        foreach (var tag in new[] { "台湾", "臺灣", "臺湾" })
        {
            Assert.Equal([simplified, traditional], (await Ids($"新聞 tag:{tag}")).Order());
            Assert.Equal([simplified, traditional], (await Ids($"tag:{tag}")).Order());
            Assert.Equal([other], await Ids($"新闻 -tag:{tag}"));
            Assert.Equal([other], await Ids($"tag:香港 -tag:{tag}"));
        }
    }

    private Task<SearchResult> Search(string query) => _archive.Search.SearchAsync(new SearchRequest(query, 10), CancellationToken.None);

    private async Task<List<long>> Ids(string query) => (await _archive.AllHitsAsync(query)).Ids;
}
