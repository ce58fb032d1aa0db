using Bot.Core.Search;

namespace Bot.Core.Tests.Search;

public sealed class SearchServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 6, 26, 12, 0, 0, TimeSpan.FromHours(8));
    private SearchArchive _archive = null!;

    public async Task InitializeAsync() => _archive = await SearchArchive.CreateAsync();

    public async Task DisposeAsync() => await _archive.DisposeAsync();

    [Fact]
    public async Task Search_TwoCharacterWord_FindsArticlesContainingIt()
    {
        var korea = await _archive.AddAsync(new("同盟", "6月19日，俄罗斯总统普京和朝鲜最高领导人金正恩签署了条约。"));
        await _archive.AddAsync(new("别的", "北京今天下雨。"));

        var result = await Search("朝鲜");

        Assert.Equal(1, result.Total);
        Assert.Equal(korea, Assert.Single(result.Hits).ArticleId);
    }

    [Fact]
    public async Task Search_SingleCharacter_FindsItAnywhereInARun()
    {
        var a = await _archive.AddAsync(new("一", "俄罗斯总统普京"));
        await _archive.AddAsync(new("二", "金正恩"));

        Assert.Equal([a], await Ids("京"));
    }

    [Fact]
    public async Task Search_TermSplitByPunctuation_DoesNotMatch()
    {
        await _archive.AddAsync(new("一", "我们去了朝鲜。鲜花很美。"));
        var joined = await _archive.AddAsync(new("二", "朝鲜花很美"));

        Assert.Equal([joined], await Ids("朝鲜花"));
        Assert.Empty(await Ids("鲜鲜"));
    }

    [Fact]
    public async Task Search_TermSplitBySpaceInTranscript_DoesNotMatchButTwoTermsDo()
    {
        var transcript = await _archive.AddAsync(new("文字稿", "朝鲜和俄罗斯 已经签了历史上的第二次军事同盟"));

        Assert.Empty(await Ids("俄罗斯已经"));
        Assert.Equal([transcript], await Ids("俄罗斯 已经"));
    }

    [Fact]
    public async Task Search_LongTerm_IsExactSubstring()
    {
        var match = await _archive.AddAsync(new("一", "全面战略伙伴关系条约"));
        await _archive.AddAsync(new("二", "战略关系伙伴条约全面"));

        Assert.Equal([match], await Ids("战略伙伴关系"));
    }

    [Fact]
    public async Task Search_LatinPrefix_MatchesWordsCaseInsensitively()
    {
        var metoo = await _archive.AddAsync(new("运动", "中国的MeToo运动在2018年开始。"));
        await _archive.AddAsync(new("其他", "timetoo late"));

        Assert.Equal([metoo], await Ids("meto"));
        Assert.Equal([metoo], await Ids("METOO"));
    }

    [Fact]
    public async Task Search_FullWidthLatinQuery_MatchesHalfWidthText()
    {
        var metoo = await _archive.AddAsync(new("运动", "MeToo 运动"));

        Assert.Equal([metoo], await Ids("ＭｅＴｏｏ"));
    }

    [Fact]
    public async Task Search_ExtensionBCharacter_IsOneCharacter()
    {
        var rare = await _archive.AddAsync(new("生僻字", "这是𠀀字和𠀁字"));

        Assert.Equal([rare], await Ids("𠀀字"));
        Assert.Empty(await Ids("𠀀𠀁"));
    }

    [Fact]
    public async Task Search_JapaneseAndKorean_MatchAsSubstrings()
    {
        var japanese = await _archive.AddAsync(new("日本", "ウクライナへの侵攻について"));
        var korean = await _archive.AddAsync(new("한국", "북한과 러시아의 동맹"));

        Assert.Equal([japanese], await Ids("クライ"));
        Assert.Equal([korean], await Ids("러시"));
    }

    [Fact]
    public async Task Search_SeveralTerms_AllMustMatch()
    {
        var both = await _archive.AddAsync(new("一", "普京访问朝鲜"));
        await _archive.AddAsync(new("二", "普京访问越南"));

        Assert.Equal([both], await Ids("普京 朝鲜"));
    }

    [Fact]
    public async Task Search_Exclusion_RemovesArticles()
    {
        await _archive.AddAsync(new("一", "普京访问朝鲜"));
        var vietnam = await _archive.AddAsync(new("二", "普京访问越南"));

        Assert.Equal([vietnam], await Ids("普京 -朝鲜"));
    }

    [Fact]
    public async Task Search_QuotedPhrase_MatchesWordsInOrder()
    {
        var phrase = await _archive.AddAsync(new("一", "The quick brown fox"));
        await _archive.AddAsync(new("二", "brown quick"));

        Assert.Equal([phrase], await Ids("\"quick brown\""));
    }

    [Fact]
    public async Task Search_MixedLatinAndChinese_MatchesAdjacentTokens()
    {
        var plan = await _archive.AddAsync(new("一", "朝鲜现在正在全国推进20x10计划"));
        await _archive.AddAsync(new("二", "20x10 的另一个计划"));

        Assert.Equal([plan], await Ids("20x10计划"));
    }

    [Fact]
    public async Task Search_WordAndChinese_MatchWrittenTogetherOrWithSpacesOnly()
    {
        var together = await _archive.AddAsync(new("一", "他说2018年是关键的一年"));
        var spaced = await _archive.AddAsync(new("二", "他说 2018 年是关键的一年"));
        await _archive.AddAsync(new("三", "数字2018，年份不明"));
        await _archive.AddAsync(new("四", "编号12018年的档案"));

        Assert.Equal([spaced, together], await Ids("2018年"));
        Assert.Equal([spaced, together], await Ids("说2018年是"));
    }

    [Fact]
    public async Task Search_ChineseThenWordPrefix_MatchesTheStartOfTheWord()
    {
        var phone = await _archive.AddAsync(new("一", "新款iPhone手机发布"));
        await _archive.AddAsync(new("二", "新款 手机 iPhone"));

        Assert.Equal([phone], await Ids("款iph"));
        Assert.Equal([phone], await Ids("\"iPhone 手机\""));
    }

    [Fact]
    public async Task Search_TitleMatch_RanksAboveBodyMatch()
    {
        var body = await _archive.AddAsync(new("新闻", "今天的新闻提到了普京和别的很多事情。"));
        var title = await _archive.AddAsync(new("普京访朝", "今天的新闻提到了普京和别的很多事情。"));

        Assert.Equal([title, body], await Ids("普京"));
    }

    [Fact]
    public async Task Search_EqualScores_NewerFirst()
    {
        var older = await _archive.AddAsync(new("一", "普京", Day));
        var newer = await _archive.AddAsync(new("一", "普京", Day.AddDays(3)));

        Assert.Equal([newer, older], await Ids("普京"));
    }

    [Theory]
    [InlineData(10)] // ties within the few extra hits read for the tie-break
    [InlineData(40)] // a tie run longer than that: the tie-break in SQL
    public async Task Search_ManyEqualScores_NewestFirstAcrossPages(int count)
    {
        // Added in an order unrelated to their dates, so the rowid cannot stand in for the date.
        var days = Enumerable.Range(0, count).Select(i => (i * 7) % count).ToList();
        var ids = await _archive.AddAllAsync(days.Select(d => new TestArticle("一", "普京", Day.AddDays(d))));
        var newestFirst = days.Zip(ids).OrderByDescending(p => p.First).Select(p => p.Second).ToList();

        var first = await _archive.Search.SearchAsync(new SearchRequest("普京", 5, 0), CancellationToken.None);

        Assert.Equal(newestFirst.Take(5), first.Hits.Select(h => h.ArticleId));
        Assert.Equal(newestFirst, await Ids("普京"));
    }

    [Fact]
    public async Task Search_Paging_GivesTotalAndDisjointPages()
    {
        var ids = await _archive.AddAllAsync(Enumerable.Range(0, 7).Select(i => new TestArticle($"第{i}篇", "朝鲜新闻", Day.AddDays(i))));

        var first = await _archive.Search.SearchAsync(new SearchRequest("朝鲜", 3, 0), CancellationToken.None);
        var third = await _archive.Search.SearchAsync(new SearchRequest("朝鲜", 3, 6), CancellationToken.None);

        Assert.Equal(7, first.Total);
        Assert.Equal(ids.Reverse().Take(3), first.Hits.Select(h => h.ArticleId));
        Assert.Equal([ids[0]], third.Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task Search_TagFilter_IsCaseInsensitive()
    {
        var tagged = await _archive.AddAsync(new("一", "普京", Tags: ["Russia", "朝鲜"]));
        await _archive.AddAsync(new("二", "普京", Tags: ["越南"]));

        Assert.Equal([tagged], await Ids("普京 tag:russia"));
        Assert.Equal([tagged], await Ids("普京 tag:朝鲜"));
    }

    [Fact]
    public async Task Search_AuthorFilter_MatchesPartOfTheName()
    {
        var ni = await _archive.AddAsync(new("一", "普京", Author: "倪刃"));
        await _archive.AddAsync(new("二", "普京", Author: "夏显虎"));

        Assert.Equal([ni], await Ids("普京 author:倪刃"));
    }

    [Fact]
    public async Task Search_DateFilters_AreInclusiveDays()
    {
        var june = await _archive.AddAsync(new("一", "普京", new DateTimeOffset(2024, 6, 30, 23, 0, 0, TimeSpan.Zero)));
        var july = await _archive.AddAsync(new("二", "普京", new DateTimeOffset(2024, 7, 1, 1, 0, 0, TimeSpan.Zero)));

        Assert.Equal([july], await Ids("普京 since:2024-07-01"));
        Assert.Equal([june], await Ids("普京 until:2024-06-30"));
        Assert.Equal([june], await Ids("普京 until:2024-06"));
    }

    [Fact]
    public async Task Search_DateRangeAcrossYears_KeepsOnlyDaysInside()
    {
        var dates = new[] { (2019, 11, 29), (2019, 11, 30), (2020, 6, 1), (2021, 2, 2), (2021, 2, 3) };
        var ids = await _archive.AddAllAsync(dates.Select(d => new TestArticle("一", "普京", new DateTimeOffset(d.Item1, d.Item2, d.Item3, 12, 0, 0, TimeSpan.Zero))));

        Assert.Equal([ids[3], ids[2], ids[1]], await Ids("普京 since:2019-11-30 until:2021-02-02"));
        Assert.Equal([ids[4], ids[3]], await Ids("普京 since:2021-02"));
        Assert.Empty(await Ids("普京 since:2022-01-01"));
        Assert.Empty(await Ids("普京 since:2021-01-01 until:2020-01-01"));
    }

    [Fact]
    public async Task Search_DateRangeWidenedOverEmptyDays_NeverTakesTheArticleNextDoor()
    {
        // The range's tokens grow to whole months and years over days without articles: an article the day
        // before or after the range must stop that growth.
        var dates = new[] { (2019, 12, 31), (2020, 1, 1), (2020, 3, 15), (2020, 3, 16), (2020, 4, 1) };
        var ids = await _archive.AddAllAsync(dates.Select(d => new TestArticle("一", "普京", new DateTimeOffset(d.Item1, d.Item2, d.Item3, 12, 0, 0, TimeSpan.Zero))));

        Assert.Equal([ids[4], ids[3], ids[2], ids[1]], await Ids("普京 since:2020-01-01"));
        Assert.Equal([ids[2], ids[1], ids[0]], await Ids("普京 until:2020-03-15"));
        Assert.Equal([ids[3]], await Ids("普京 since:2020-03-16 until:2020-03-31"));
        Assert.Equal([ids[2]], await Ids("普京 since:2020-01-02 until:2020-03-15"));
        Assert.Equal([ids[4]], await Ids("普京 since:2020-03-17"));
        Assert.Empty(await Ids("普京 since:2019-06-01 until:2019-12-30"));
        Assert.Empty(await Ids("普京 since:2020-04-02"));
    }

    [Fact]
    public async Task Search_UndatedArticle_NeverMatchesADateFilter()
    {
        await _archive.AddAsync(new("一", "普京"));
        var dated = await _archive.AddAsync(new("二", "普京", Day));

        Assert.Equal([dated], await Ids($"普京 since:{Day.AddYears(-50):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task Search_ExcludedTagAndTagWithSpaces_AreExact()
    {
        var vietnam = await _archive.AddAsync(new("一", "普京", Tags: ["越南", "Cold War"]));
        var russia = await _archive.AddAsync(new("二", "普京", Tags: ["Russia"]));

        Assert.Equal([russia], await Ids("普京 -tag:越南"));
        Assert.Equal([vietnam], await Ids("普京 tag:\"cold war\""));
        Assert.Empty(await Ids("普京 tag:cold"));
    }

    [Fact]
    public async Task Search_LongOddTag_IsIndexedAndFoundExactly()
    {
        var tag = string.Concat(Enumerable.Repeat("标签 NEAR* OR (x) ", 12)).Trim(); // 203 characters of FTS syntax and spaces
        var tagged = await _archive.AddAsync(new("一", "普京", Tags: [tag]));
        await _archive.AddAsync(new("二", "普京", Tags: [tag[..^4]]));

        Assert.Equal([tagged], await Ids($"普京 tag:\"{tag}\""));
        Assert.Equal(0, (await Search($"普京 tag:{new string('x', 300)}")).Total);
    }

    [Fact]
    public async Task Search_OnlyFilter_ListsNewestFirst()
    {
        var older = await _archive.AddAsync(new("一", "甲", Day, Tags: ["朝鲜"]));
        var newer = await _archive.AddAsync(new("二", "乙", Day.AddDays(1), Tags: ["朝鲜"]));
        await _archive.AddAsync(new("三", "丙", Day.AddDays(2), Tags: ["越南"]));

        Assert.Equal([newer, older], await Ids("tag:朝鲜"));
        Assert.Equal([older], await Ids("tag:朝鲜 -乙"));
    }

    [Theory]
    [InlineData("", SearchError.EmptyQuery)]
    [InlineData("   \t ", SearchError.EmptyQuery)]
    [InlineData("*** ( ) ^", SearchError.EmptyQuery)]
    [InlineData("-朝鲜", SearchError.NoPositiveTerm)]
    [InlineData("朝鲜 since:yesterday", SearchError.BadFilter)]
    [InlineData("tag:", SearchError.BadFilter)]
    public async Task Search_QueryThatCannotRun_GivesClearError(string query, SearchError error)
    {
        await _archive.AddAsync(new("一", "朝鲜"));

        var result = await Search(query);

        Assert.Equal(error, result.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("朝鲜\" OR \"")]
    [InlineData("NEAR(朝鲜 普京, 2)")]
    [InlineData("朝* AND NOT 鲜")]
    [InlineData("title_uni:朝鲜")]
    [InlineData("{title_bi}: 朝鲜")]
    [InlineData("朝鲜^ -\"")]
    [InlineData("\uD800朝鲜\uDC00")]
    [InlineData("朝\uE000鲜")]
    [InlineData("''; DROP TABLE articles; --")]
    [InlineData("\0朝鲜\u200B")]
    public async Task Search_HostileInput_NeverThrows(string query)
    {
        await _archive.AddAsync(new("一", "朝鲜"));

        var result = await Search(query);

        Assert.True(result.Error is not null || result.Total >= 0);
    }

    [Fact]
    public async Task Search_OperatorsAndSurrogates_AreTextNotSyntax()
    {
        var korea = await _archive.AddAsync(new("一", "朝鲜 NEAR 普京"));

        Assert.Equal([korea], await Ids("\uD800朝鲜\uDC00"));
        Assert.Equal([korea], await Ids("朝鲜 NEAR("));
        Assert.Equal([korea], await Ids("朝鲜* NEAR"));
    }

    [Fact]
    public async Task Search_VeryLongQuery_GivesTooLong()
    {
        var result = await Search(new string('朝', 10_000));

        Assert.Equal(SearchError.TooLong, result.ErrorCode);
    }

    [Fact]
    public async Task Search_HitSnippet_MarksTheMatchNearIt()
    {
        var text = new string('前', 200) + "，俄罗斯总统普京和朝鲜最高领导人金正恩签署了条约，" + new string('后', 200);
        await _archive.AddAsync(new("同盟", text));

        var hit = Assert.Single((await Search("朝鲜")).Hits);

        Assert.InRange(hit.Snippet.Length, 60, 90);
        var highlight = Assert.Single(hit.Highlights);
        Assert.Equal("朝鲜", hit.Snippet.Substring(highlight.Start, highlight.Length));
        Assert.StartsWith("…", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HitSnippet_KeepsTheTextAsWritten()
    {
        await _archive.AddAsync(new("同盟", "6月19日，俄罗斯总统普京和朝鲜最高领导人金正恩签署了《全面战略伙伴关系条约》。"));

        var hit = Assert.Single((await Search("普京")).Hits);

        Assert.Contains("6月19日，俄罗斯", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TitleOnlyMatch_SnippetIsTheStartOfTheText()
    {
        await _archive.AddAsync(new("普京访朝", "这篇文章的正文没有提到那个名字。" + new string('字', 500)));

        var hit = Assert.Single((await Search("普京")).Hits);

        Assert.StartsWith("这篇文章的正文", hit.Snippet, StringComparison.Ordinal);
        Assert.Empty(hit.Highlights);
    }

    [Fact]
    public async Task Search_FullWidthText_IsHighlightedInNormalizedSnippet()
    {
        await _archive.AddAsync(new("运动", "中国的ＭｅＴｏｏ运动"));

        var hit = Assert.Single((await Search("metoo")).Hits);

        var highlight = Assert.Single(hit.Highlights);
        Assert.Equal("MeToo", hit.Snippet.Substring(highlight.Start, highlight.Length));
    }

    [Fact]
    public async Task Search_LatinHighlight_CoversTheWholeWord()
    {
        await _archive.AddAsync(new("运动", "中国的MeToo运动"));

        var hit = Assert.Single((await Search("meto")).Hits);

        var highlight = Assert.Single(hit.Highlights);
        Assert.Equal("MeToo", hit.Snippet.Substring(highlight.Start, highlight.Length));
    }

    [Fact]
    public async Task Search_EditedArticle_IsFoundByNewTextOnly()
    {
        var id = await _archive.AddAsync(new("一", "朝鲜"));

        await _archive.EditAsync(id, "一", "越南");

        Assert.Empty(await Ids("朝鲜"));
        Assert.Equal([id], await Ids("越南"));
    }

    [Fact]
    public async Task Search_RetractedOrDraftArticle_IsNotFound()
    {
        var retracted = await _archive.AddAsync(new("一", "朝鲜"));
        await _archive.AddAsync(new("二", "朝鲜", State: "draft"));

        await _archive.SetStateAsync(retracted, "retracted");

        Assert.Empty(await Ids("朝鲜"));
        Assert.Equal(0, (await Search("朝鲜")).Total);
    }

    [Fact]
    public async Task Search_RemovedArticle_IsGoneFromTheIndex()
    {
        var id = await _archive.AddAsync(new("一", "朝鲜"));

        await _archive.DeleteAsync(id);

        Assert.Empty(await Ids("朝鲜"));
    }

    private Task<SearchResult> Search(string query) => _archive.Search.SearchAsync(new SearchRequest(query, 10), CancellationToken.None);

    private async Task<List<long>> Ids(string query) => (await _archive.AllHitsAsync(query)).Ids;
}
