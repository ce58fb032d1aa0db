using System.Text;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search.Folding;

public sealed class ChineseFoldingTests
{
    [Theory]
    [InlineData("髮", "发")]
    [InlineData("發", "发")]
    [InlineData("乾", "干")]
    [InlineData("幹", "干")]
    [InlineData("後", "后")]
    [InlineData("麵", "面")]
    [InlineData("鬆", "松")]
    [InlineData("學生", "学生")]
    [InlineData("臺灣", "台湾")]
    [InlineData("偽", "伪")] // Taiwan's form of 僞
    [InlineData("為", "为")]
    [InlineData("裡", "里")]
    public void Fold_TraditionalCharacters_BecomeSimplified(string traditional, string simplified) =>
        Assert.Equal(simplified, ChineseFolding.Fold(traditional));

    [Fact]
    public void Fold_SimplifiedAndOtherText_IsTheSameInstance()
    {
        const string text = "学生们在2024年说：MeToo 运动。头发、干部、后来、面条、轻松、著名";

        Assert.Same(text, ChineseFolding.Fold(text));
    }

    [Fact]
    public void Fold_SimplifiedCharactersSharedWithTraditional_StayAsTheyAre()
    {
        // Characters Simplified text uses that are also keys or variants in OpenCC's tables.
        foreach (var kept in new[] { "著", "吃", "才", "梁", "秘", "群", "床", "户", "温", "于", "台" })
        {
            Assert.Equal(kept, ChineseFolding.Fold(kept));
        }
    }

    [Fact]
    public void Fold_EveryMapping_IsIdempotentAndKeepsTheLength()
    {
        Assert.True(ChineseFolding.Mapping.Count > 2_500, $"only {ChineseFolding.Mapping.Count} characters fold");
        foreach (var (from, to) in ChineseFolding.Mapping)
        {
            Assert.Equal(to, ChineseFolding.Fold(to));
            Assert.Equal(from.Utf16SequenceLength, to.Utf16SequenceLength);
            Assert.Equal(to, ChineseFolding.Fold(from));
        }
    }

    [Fact]
    public void Fold_MixedTextWithSurrogatesAndLoneHalves_KeepsEveryPosition()
    {
        var text = "𠀀學\uD800生😀後" + "\uDC00髮";

        var folded = ChineseFolding.Fold(text);

        Assert.Equal("𠀀学\uD800生😀后\uDC00发", folded);
        Assert.Equal(text.Length, folded.Length);
    }

    [Fact]
    public void Normalize_FoldsAfterNfkc()
    {
        // A compatibility ideograph (U+F9F2, 鱗) is first made the unified 鱗 by NFKC, then folded.
        Assert.Equal("鳞", SearchText.Normalize("\uF9F2"));
        Assert.Equal("學生", SearchText.NormalizeAsWritten("學生"));
    }

    [Fact]
    public void TraditionalConverter_TurnsSimplifiedIntoText_ThatFoldsBack()
    {
        const string simplified = "学生们的头发很长，后来他们吃了面条。";

        var traditional = TraditionalConverter.ToTraditional(simplified);

        Assert.NotEqual(simplified, traditional);
        Assert.Equal(simplified, ChineseFolding.Fold(traditional));
        Assert.Equal(Encoding.UTF8.GetByteCount(simplified), Encoding.UTF8.GetByteCount(traditional));
    }
}
