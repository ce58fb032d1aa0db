using Bot.Core.Parsing;

namespace Bot.Core.Tests.Parsing;

public sealed class TranscriptParsingTests
{
    private readonly ArticleParser _parser = new();

    [Fact]
    public void Parse_SpaceSeparatedTranscript_TakesABoundedTitleAtAWordBreak()
    {
        const string text = "普京和金正恩 在平壤签了新的条约 双方都说这是历史性的一步 但是外界的看法并不一致 今天我们就来聊聊";

        var article = _parser.ParseOk("transcript-pyongyang.txt", text);

        Assert.Equal("普京和金正恩 在平壤签了新的条约", article.Title);
        Assert.Equal(text, article.PlainText);
        Assert.Equal("transcript-pyongyang", article.Slug);
        Assert.Equal("zh", article.Language);
        Assert.Empty(article.Tags);
        Assert.Null(article.Published);
    }

    [Fact]
    public void Parse_TranscriptWithoutSpaces_CutsTheTitleAtTheLimit()
    {
        var text = new string('朝', 300);

        var article = _parser.ParseOk("long.txt", text);

        Assert.Equal(new string('朝', 40) + "…", article.Title);
        Assert.True(article.Summary!.Length <= 141);
    }

    [Fact]
    public void Parse_TranscriptWithSentenceEnd_UsesTheFirstSentence()
    {
        var article = _parser.ParseOk("s.txt", "今天聊俄罗斯。后面还有很多内容，不会进入标题。");

        Assert.Equal("今天聊俄罗斯", article.Title);
    }

    [Fact]
    public void Parse_MarkdownCharactersInTranscript_StayLiteralInTheBody()
    {
        var article = _parser.ParseOk("m.txt", "第 1 * 2 个 # 问题 [不是链接](x)\n第二行");

        Assert.Equal("第 1 * 2 个 # 问题 [不是链接](x)\n第二行", article.PlainText);
        Assert.Contains("\\*", article.Body, StringComparison.Ordinal);
        Assert.Contains("\\[", article.Body, StringComparison.Ordinal);
        Assert.Contains('\n', article.Body);
    }

    [Fact]
    public void Parse_TxtStartingWithDashes_IsNotReadAsFrontMatter()
    {
        var article = _parser.ParseOk("dash.txt", "---\n这是一段文字记录\n");

        Assert.Equal("---", article.Title);
        Assert.Contains("这是一段文字记录", article.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnglishTranscript_IsEnglish()
    {
        var article = _parser.ParseOk("talk.txt", "welcome back to the channel today we talk about media freedom and why it matters to everyone");

        Assert.Equal("en", article.Language);
        Assert.Equal("welcome back to the channel today we talk about media", article.Title);
    }

    [Theory]
    [InlineData("第 1 * 2 个 # 问题 [不是链接](x) <b>&amp; ~~删~~ a_b_c")]
    [InlineData("# 不是标题\n- 不是列表\n1. 不是编号\n> 不是引用\n    缩进\n===")]
    [InlineData("普通的文字 增长了16.5% 2024-2028年 1/3以上 吗?")]
    public void Parse_TranscriptBody_RendersBackToTheSameText(string text)
    {
        var article = _parser.ParseOk("r.txt", text);

        var rendered = Markdig.Markdown.ToPlainText(article.Body).Trim();

        Assert.Equal(text.Replace("\n    ", "\n", StringComparison.Ordinal), rendered.Replace("\n    ", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OrdinaryPunctuationInTranscript_IsNotEscaped()
    {
        var article = _parser.ParseOk("p.txt", "增长了16.5% 2024-2028年 1/3以上 吗?");

        Assert.Equal("增长了16.5% 2024-2028年 1/3以上 吗?", article.Body);
    }
}
