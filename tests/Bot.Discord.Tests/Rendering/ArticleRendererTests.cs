using System.Text.Json;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Tests.Support;

namespace Bot.Discord.Tests.Rendering;

public sealed class ArticleRendererTests
{
    private readonly ArticleRenderer _renderer = new(TestOptions.Discord());

    [Fact]
    public void Render_Article_StartsWithAnEmbedOfItsHead()
    {
        var parts = _renderer.Render(Articles.Make());

        var embed = Assert.Single(parts[0].Embeds!);
        Assert.Equal("朝鲜与普京的会面", embed.Title);
        Assert.Equal("https://example.com/a/42", embed.Url);
        Assert.Equal("记者", embed.Author!.Name);
        Assert.Equal("摘要", embed.Description);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), embed.Timestamp);
        Assert.Contains("#国际", embed.Footer!.Text, StringComparison.Ordinal);
        Assert.Null(parts[0].Content);
        Assert.Equal("第一段。\n\n第二段。", parts[1].Content);
    }

    [Fact]
    public void Render_HugeHead_RespectsEmbedLimits()
    {
        var article = Articles.Make(
            title: new string('题', 400),
            author: new string('作', 300),
            summary: new string('摘', 5000),
            tags: Enumerable.Range(0, 400).Select(i => "标签" + i).ToList());

        var embed = _renderer.Head(article);

        Assert.True(embed.Title!.Length <= EmbedLimits.Title);
        Assert.True(embed.Author!.Name.Length <= EmbedLimits.AuthorName);
        Assert.True(embed.Description!.Length <= EmbedLimits.Description);
        Assert.True(embed.Footer!.Text.Length <= EmbedLimits.FooterText);
        Assert.True(ArticleRenderer.TotalLength(embed) <= EmbedLimits.Total);
    }

    [Fact]
    public void Render_NonWebSourceUrl_HasNoLink()
    {
        var embed = _renderer.Head(Articles.Make(url: "javascript:alert(1)"));

        Assert.Null(embed.Url);
    }

    [Fact]
    public void Render_LongBody_PartsStayUnderTheMessageLimit()
    {
        var body = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => new string('文', 150) + "。"));

        var parts = _renderer.Render(Articles.Make(body: body));

        Assert.True(parts.Count > 3);
        Assert.All(parts.Skip(1), p => Assert.True(p.Content!.Length <= EmbedLimits.MessageContent));
    }

    [Fact]
    public void Render_EveryPart_DisablesMentions()
    {
        var parts = _renderer.Render(Articles.Make(body: "@everyone 看这里 <@123> <@&456>"));

        Assert.All(parts, part =>
        {
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(part, DiscordJson.Options));
            var parse = json.RootElement.GetProperty("allowed_mentions").GetProperty("parse");
            Assert.Equal(0, parse.GetArrayLength());
        });
    }

    [Fact]
    public void Render_SameArticle_SameParts()
    {
        var article = Articles.Make(body: string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"第{i}段：" + new string('字', 200) + "。")));

        var first = _renderer.Render(article).Select(p => JsonSerializer.Serialize(p, DiscordJson.Options));
        var second = _renderer.Render(article).Select(p => JsonSerializer.Serialize(p, DiscordJson.Options));

        Assert.Equal(first, second);
    }
}
