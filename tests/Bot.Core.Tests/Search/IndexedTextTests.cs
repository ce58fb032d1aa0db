using Bot.Core.Search.Query;
using Bot.Core.Search.Text;

namespace Bot.Core.Tests.Search;

public sealed class IndexedTextTests
{
    private const string Break = "\uE000";

    [Theory]
    [InlineData("朝鲜", "朝鲜")]
    [InlineData("普京访朝", "普京 京访 访朝")]
    [InlineData("朝鲜。普京", $"朝鲜 {Break} 普京")]
    [InlineData("朝 鲜", "")] // two characters with a space between are not a pair
    [InlineData("2018年底", "2018年 年底")]
    [InlineData("2018 年", "2018年")] // a space between a word and a CJK character is ignored
    [InlineData("2018，年", "")] // punctuation is not
    [InlineData("新款iPhone手机", "新款 款iPhone iPhone手 手机")]
    [InlineData("中 iPhone 手", "中iPhone iPhone手")]
    [InlineData("a b中", "b中")] // two words never pair
    [InlineData("中a b文", $"中a {Break} b文")]
    [InlineData("MeToo运动, 朝鲜", $"MeToo运 运动 {Break} 朝鲜")]
    public void Pairs_JoinNeighboursWrittenTogether(string text, string expected)
    {
        var pairs = IndexedText.From(text).Bigrams.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, string.Join(' ', pairs));
    }

    [Fact]
    public void Pairs_LongWord_IsNotPaired()
    {
        var word = new string('a', IndexedText.MaxPairedWord + 1);

        Assert.Equal($"朝鲜 {Break}", IndexedText.From($"朝鲜{word}年").Bigrams.Trim());
    }

    [Fact]
    public void Unigrams_SpaceEveryCjkCharacterAndKeepWords()
    {
        var unigrams = IndexedText.From("新款iPhone手机").Unigrams.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["新", "款", "iPhone", "手", "机"], unigrams);
    }

    [Theory]
    [InlineData("2018年", "\"2018年\"")]
    [InlineData("朝鲜", "\"朝鲜\"")]
    [InlineData("朝", "\"朝\"")]
    [InlineData("年iph", "\"年iph\" *")]
    [InlineData("2018年底", "\"2018年 年底\"")]
    [InlineData("2018-年", "{title_uni body_uni} : \"2018 年\"")] // punctuation inside: adjacent tokens
    [InlineData("meto", "{title_uni body_uni} : \"meto\" *")]
    public void Term_UsesPairsWhereTheIndexHasThem(string text, string expected)
    {
        Assert.Equal(expected, FtsQueryBuilder.Term(QueryTerm.Create(SearchText.Normalize(text), quoted: false)));
    }

    [Fact]
    public void QueryTerm_RecordsWhatStoodBetweenPieces()
    {
        var pieces = QueryTerm.Create("iPhone 手机-2018年", quoted: true).Pieces;

        Assert.Equal(
            [("iPhone", PieceGap.None), ("手机", PieceGap.Spaces), ("2018", PieceGap.Other), ("年", PieceGap.None)],
            pieces.Select(p => (p.Text, p.Before)));
    }
}
