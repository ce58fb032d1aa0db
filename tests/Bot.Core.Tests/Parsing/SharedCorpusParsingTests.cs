using Bot.Core.Parsing;
using Bot.Testing;

namespace Bot.Core.Tests.Parsing;

/// <summary>The real archive and the two seed documents, read from ../shared (never copied here).</summary>
public sealed class SharedCorpusParsingTests
{
    private readonly ArticleParser _parser = new();

    [SharedDataFact]
    public void Parse_EveryCorpusFile_Succeeds()
    {
        var files = Directory.GetFiles(SharedData.CorpusDir);
        Assert.True(files.Length >= 500, $"expected the 511-file corpus, found {files.Length}");
        var failures = files
            .Select(f => (File: Path.GetFileName(f), Result: _parser.Parse(Path.GetFileName(f), File.ReadAllBytes(f))))
            .Where(r => !r.Result.Succeeded)
            .Select(r => $"{r.File}: {r.Result.Error}")
            .ToList();

        Assert.Empty(failures);
    }

    [SharedDataFact]
    public void Parse_EveryCorpusFile_HasTitleBodyAndLanguage()
    {
        foreach (var file in Directory.GetFiles(SharedData.CorpusDir))
        {
            var article = _parser.Parse(Path.GetFileName(file), File.ReadAllBytes(file)).Article!;
            Assert.False(string.IsNullOrWhiteSpace(article.Title), file);
            Assert.False(string.IsNullOrWhiteSpace(article.PlainText), file);
            Assert.DoesNotContain("---\nlayout", article.Body, StringComparison.Ordinal);
            Assert.True(article.Title.Length <= 201, file);
        }
    }

    [SharedDataTheory]
    [InlineData("2018-01-16-sun-ting-ting.markdown", "孙婷婷：我是孙婷婷，我要站出来！", "2018-01-16T14:10:51+08:00", null, "sun-ting-ting")]
    [InlineData("2018-04-23-pku-YueXin-gongkaixin.md", "岳昕：致北京大学师生和北大外国语学院的一封公开信", "2018-04-23T13:00:00+08:00", "岳昕", "pku-yuexin-gongkaixin")]
    [InlineData("2020-02-16-qin-hui.md", "秦晖：捐赠者权利问题——不同背景下的诉求", "2020-02-16T00:00:00+08:00", null, "qin-hui")]
    [InlineData("2018-02-18-caixin-beijing-qingtui.md", "被清退以后，他们怎样过年", "2018-02-18T15:24:00+08:00", "萧辉", "caixin-beijing-qingtui")]
    [InlineData("2018-02-24-unheard-a-bite-of-china.md", null, "2018-02-24T00:00:00+08:00", null, "unheard-a-bite-of-china")]
    public void Parse_CheckedCorpusSample_HasTheRightFields(string file, string? title, string published, string? author, string slug)
    {
        var article = _parser.Parse(file, File.ReadAllBytes(Path.Combine(SharedData.CorpusDir, file))).Article!;

        if (title is not null)
        {
            Assert.Equal(title, article.Title);
        }

        Assert.Equal(DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(TimeSpan.FromHours(8), article.Published!.Value.Offset);
        if (author is not null)
        {
            Assert.Equal(author, article.Author);
        }

        Assert.Equal(slug, article.Slug);
        Assert.Equal("zh", article.Language);
        Assert.Equal(["Archive"], article.Categories);
        Assert.NotEmpty(article.Tags);
        Assert.False(string.IsNullOrWhiteSpace(article.Summary));
    }

    [SharedDataFact]
    public void Parse_CorpusSourceLine_GivesSourceUrl()
    {
        const string file = "2018-04-23-pku-YueXin-gongkaixin.md";
        var article = _parser.Parse(file, File.ReadAllBytes(Path.Combine(SharedData.CorpusDir, file))).Article!;

        Assert.Equal("https://mp.weixin.qq.com/s/-1eFn78Do9cHshthbECInQ", article.SourceUrl);
        Assert.Equal(["声援岳昕"], article.Tags);
    }

    [SharedDataFact]
    public void Parse_CorpusWithMisspelledKeys_KeepsThemInExtra()
    {
        var extras = Directory.GetFiles(SharedData.CorpusDir)
            .Select(f => _parser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)).Article!)
            .SelectMany(a => a.Extra.Keys)
            .ToHashSet();

        Assert.Contains("descrition", extras);
        Assert.Contains("layput", extras);
    }

    [SharedDataFact]
    public void Parse_WeChatSeed_StripsBoilerplateAndKeepsTheArticle()
    {
        var path = Directory.GetFiles(SharedData.SeedsDir, "*.md").Single();
        var article = _parser.Parse(Path.GetFileName(path), File.ReadAllBytes(path)).Article!;

        Assert.Equal("朝鲜与俄罗斯结盟：一方遭入侵另一方必军援", article.Title);
        Assert.Equal("倪刃", article.Author);
        Assert.Equal(["朝鲜", "俄罗斯", "条约", "普京", "东北亚"], article.Tags);
        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero).AddTicks(776100), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 26, 13, 51, 49, TimeSpan.Zero).AddTicks(778600), article.Updated);
        Assert.StartsWith("6月19日，俄罗斯总统普京和朝鲜最高领导人金正恩", article.Body, StringComparison.Ordinal);
        Assert.StartsWith("6月19日", article.PlainText, StringComparison.Ordinal);
        Assert.Contains("人类，正在日益滑向一个令人不安的未来。", article.PlainText, StringComparison.Ordinal);
        foreach (var boilerplate in new[] { "javascript:void", "微信号", "功能介绍", "往期推荐", "原创不易", "备用号", "配给制崩溃" })
        {
            Assert.DoesNotContain(boilerplate, article.Body, StringComparison.Ordinal);
            Assert.Contains(boilerplate, article.Source, StringComparison.Ordinal);
        }

        Assert.Contains("普京", article.PlainText, StringComparison.Ordinal);
        Assert.Equal("default", article.Extra["layout"]);
    }

    [SharedDataFact]
    public void Parse_TranscriptSeed_GetsTitleAndSummaryFromTheOpening()
    {
        var path = Directory.GetFiles(SharedData.SeedsDir, "*.txt").Single();
        var article = _parser.Parse(Path.GetFileName(path), File.ReadAllBytes(path)).Article!;

        Assert.Equal("朝鲜和俄罗斯 已经签了历史上的第二次军事同盟", article.Title);
        Assert.StartsWith("朝鲜和俄罗斯 已经签了", article.Summary, StringComparison.Ordinal);
        Assert.True(article.Summary!.Length <= 141);
        Assert.Contains("普京", article.PlainText, StringComparison.Ordinal);
        Assert.Equal("zh", article.Language);
    }
}
