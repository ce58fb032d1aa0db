using System.Text;
using Bot.Discord.Rendering;

namespace Bot.Discord.Tests.Rendering;

public sealed class TextSplitterTests
{
    [Fact]
    public void Split_ShortText_IsOnePart()
    {
        Assert.Equal(["一段话。"], TextSplitter.Split("一段话。", 2000));
    }

    [Fact]
    public void Split_Paragraphs_CutsAtParagraphEnds()
    {
        var paragraph = new string('字', 900) + "。";
        var text = string.Join("\n\n", paragraph, paragraph, paragraph);

        var parts = TextSplitter.Split(text, 2000);

        Assert.Equal(2, parts.Count);
        Assert.Equal(paragraph + "\n\n" + paragraph, parts[0]);
        Assert.Equal(paragraph, parts[1]);
    }

    [Fact]
    public void Split_LongChineseParagraph_CutsAfterSentenceEnds()
    {
        var sentence = new string('长', 299) + "。";
        var text = string.Concat(Enumerable.Repeat(sentence, 10)) + "最后？" + new string('尾', 100) + "！";

        var parts = TextSplitter.Split(text, 2000);

        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("。", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_EnglishSentences_CutAfterFullStops()
    {
        var text = string.Concat(Enumerable.Repeat("This is a sentence that goes on for a while. ", 60)).Trim();

        var parts = TextSplitter.Split(text, 500);

        Assert.All(parts, p => Assert.True(p.Length <= 500));
        Assert.All(parts, p => Assert.EndsWith(".", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_NeverSeparatesASurrogatePair()
    {
        // No sentence ends and no spaces: the splitter has to cut inside the text.
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 3000));

        var parts = TextSplitter.Split(text, 2000);

        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 2000);
            Assert.False(char.IsLowSurrogate(p[0]));
            Assert.False(char.IsHighSurrogate(p[^1]));
        });
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_LongCodeBlock_ClosesAndReopensWithItsLanguage()
    {
        var code = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"let line{i:000} = compute({i});"));
        var text = "前言。\n\n```rust\n" + code + "\n```\n\n后记。";

        var parts = TextSplitter.Split(text, 2000);

        Assert.True(parts.Count >= 4);
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 2000);
            Assert.Equal(0, CountFences(p) % 2);
        });
        Assert.All(parts.Where(p => p.Contains("let line", StringComparison.Ordinal)), p => Assert.Contains("```rust\n", p, StringComparison.Ordinal));
        var lines = string.Join('\n', parts).Split('\n').Where(l => l.StartsWith("let line", StringComparison.Ordinal)).ToList();
        Assert.Equal(300, lines.Count);
    }

    [Fact]
    public void Split_CodeBlockThatFits_IsNotBrokenAcrossParts()
    {
        var before = new string('前', 1500) + "。";
        var code = "```\n" + new string('x', 800) + "\n```";

        var parts = TextSplitter.Split(before + "\n\n" + code, 2000);

        Assert.Equal(2, parts.Count);
        Assert.Equal(code, parts[1]);
    }

    [Fact]
    public void Split_IsDeterministic()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.Append("句子").Append(i).Append("。 ");
            if (i % 17 == 0)
            {
                builder.Append("\n\n");
            }
        }

        var text = builder.ToString();
        Assert.Equal(TextSplitter.Split(text, 300), TextSplitter.Split(text, 300));
    }

    private static int CountFences(string part) => part.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
}
