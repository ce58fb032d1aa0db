using System.Text;
using System.Text.RegularExpressions;
using Bot.Telegram.Rendering;
using Bot.Testing.Telegram;

namespace Bot.Telegram.Tests.Rendering;

public sealed partial class MessageSplitterTests
{
    private static List<string> SplitHtml(string markdown, int limit = TelegramLimits.MessageText) =>
        MessageSplitter.Split(TelegramMarkdown.Render(markdown), limit).Select(TelegramHtmlWriter.Write).ToList();

    private static List<string> AssertValidParts(List<string> parts, int limit = TelegramLimits.MessageText)
    {
        var visible = new List<string>();
        foreach (var part in parts)
        {
            var (text, error) = TelegramHtmlValidator.Parse(part);
            Assert.Null(error);
            Assert.InRange(text!.Length, 1, limit);
            for (var i = 0; i < text.Length; i++)
            {
                Assert.False(char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])), "a surrogate pair was cut");
                Assert.False(char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])), "a surrogate pair was cut");
            }

            visible.Add(text);
        }

        if (parts.Count > 1)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.EndsWith($"({i + 1}/{parts.Count})", visible[i], StringComparison.Ordinal);
            }
        }

        return visible;
    }

    private static string WithoutMarker(string visible) => Marker().Replace(visible, string.Empty);

    [Fact]
    public void Split_ShortText_IsOnePartWithoutMarker()
    {
        var parts = SplitHtml("朝鲜与普京。");
        Assert.Equal(["朝鲜与普京。"], parts);
    }

    [Fact]
    public void Split_Paragraphs_CutsAtParagraphBreaks()
    {
        var paragraph = string.Concat(Enumerable.Repeat("这是一个句子。", 100)); // 700 chars
        var markdown = string.Join("\n\n", Enumerable.Range(0, 12).Select(i => $"{i}{paragraph}"));
        var visible = AssertValidParts(SplitHtml(markdown));
        Assert.True(visible.Count >= 2);
        foreach (var part in visible)
        {
            // Every part ends where a paragraph ended, so it ends with a full sentence.
            Assert.EndsWith("。", WithoutMarker(part), StringComparison.Ordinal);
        }

        Assert.Equal(TelegramMarkdown.Render(markdown).Text.Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(visible.Select(WithoutMarker)).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_ChineseWithoutParagraphBreaks_CutsAfterSentenceEnds()
    {
        var markdown = string.Concat(Enumerable.Range(0, 1500).Select(i => i % 3 == 0 ? "朝鲜的问题很复杂！" : "普京说了什么？"));
        var visible = AssertValidParts(SplitHtml(markdown));
        Assert.True(visible.Count >= 3);
        foreach (var part in visible.SkipLast(1))
        {
            Assert.Matches("[！？]$", WithoutMarker(part));
        }
    }

    [Fact]
    public void Split_OneHugeSentence_IsCutHardButCompletely()
    {
        var markdown = new string('字', 10_000);
        var visible = AssertValidParts(SplitHtml(markdown));
        Assert.Equal(3, visible.Count);
        Assert.Equal(10_000, visible.Sum(v => WithoutMarker(v).Length));
    }

    [Fact]
    public void Split_SurrogatePairsAtEveryBoundary_AreNeverCut()
    {
        // Odd prefix so that a naive cut at the limit would fall between the halves of an emoji.
        var markdown = "a" + string.Concat(Enumerable.Repeat("😀", 6000));
        var visible = AssertValidParts(SplitHtml(markdown));
        Assert.Equal(12_001, visible.Sum(v => WithoutMarker(v).Length));
    }

    [Fact]
    public void Split_LinkCrossingTheLimit_MovesWholeToNextPart()
    {
        var before = new string('x', 4070);
        // No space or sentence end near the limit: only the link rule keeps the cut out of the link.
        var markdown = before + "[这是一个链接文字很长的链接](https://example.com/long)" + new string('y', 100);
        var parts = SplitHtml(markdown);
        AssertValidParts(parts);
        Assert.Equal(2, parts.Count);
        Assert.DoesNotContain("href", parts[0], StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/long\">这是一个链接文字很长的链接</a>", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_NestedTagsAcrossTheCut_AreClosedAndReopened()
    {
        var inner = string.Concat(Enumerable.Repeat("重要的内容，", 1200));
        var markdown = $"> **{inner}*斜体*结尾**";
        var parts = SplitHtml(markdown);
        AssertValidParts(parts);
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.StartsWith("<blockquote><b>", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_ManyEntitiesEscapedText_CountsVisibleLengthNotHtmlLength()
    {
        // 3000 visible characters that are 12000 characters of HTML: one message, not three.
        var markdown = string.Concat(Enumerable.Repeat("\\<&>", 1000));
        var parts = SplitHtml(markdown);
        Assert.Single(parts);
        Assert.Equal(3000, TelegramHtmlValidator.Parse(parts[0]).Text!.Length);
    }

    [Fact]
    public void Split_SameInputTwice_GivesSameParts()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(0, 50).Select(i => $"段落{i}：" + new string('文', 300)));
        Assert.Equal(SplitHtml(markdown), SplitHtml(markdown));
    }

    [Fact]
    public void Split_CodeBlockLongerThanAMessage_StaysPreInEveryPart()
    {
        var code = string.Join('\n', Enumerable.Range(0, 600).Select(i => $"line {i} <tag> & more"));
        var parts = SplitHtml($"```\n{code}\n```");
        AssertValidParts(parts);
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.StartsWith("<pre>", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(333)]
    [InlineData(1000)]
    public void Split_MixedContentAtSmallLimits_EveryPartWithinLimitAndWellFormed(int limit)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            builder.Append(CultureInfo($"## 第{i}节\n\n**粗体{i}** 和 *斜体* 以及 [链接{i}](https://example.com/{i}) 😀 朝鲜。普京！\n\n- 项目一\n- 项目二 `code`\n\n"));
        }

        AssertValidParts(SplitHtml(builder.ToString(), limit), limit);
    }

    private static string CultureInfo(FormattableString s) => FormattableString.Invariant(s);

    [GeneratedRegex(@"\s*\(\d+/\d+\)$")]
    private static partial Regex Marker();
}
