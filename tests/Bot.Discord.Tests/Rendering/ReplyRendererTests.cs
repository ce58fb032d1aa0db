using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Configuration;
using Bot.Core.Links;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Rendering;

public sealed class ReplyRendererTests
{
    private readonly ReplyRenderer _renderer = new(new ArticleRenderer(TestOptions.Discord()));

    [Fact]
    public void Render_EphemeralText_SetsTheEphemeralFlag()
    {
        var message = Assert.Single(_renderer.Render(new Reply.Text("只有你能看到", Ephemeral: true)));

        Assert.Equal(MessagePayload.EphemeralFlag, message.Flags);
        Assert.Equal("只有你能看到", message.Content);
    }

    [Fact]
    public void Render_Buttons_BecomeRowsWithThePayloadAsCustomId()
    {
        ReplyButton[] row = [new("发布", "pub:7"), new("取消", "can:7")];

        var message = Assert.Single(_renderer.Render(new Reply.Text("预览", [row])));

        var actionRow = Assert.Single(message.Components!);
        Assert.Equal(Component.ActionRowType, actionRow.Type);
        Assert.Equal(["pub:7", "can:7"], actionRow.Components!.Select(b => b.CustomId));
        Assert.All(actionRow.Components!, b => Assert.Equal(Component.ButtonType, b.Type));
    }

    [Fact]
    public void Render_LongText_SplitsAndPutsButtonsOnTheLastPart()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 10).Select(_ => new string('字', 500)));

        var messages = _renderer.Render(new Reply.Text(text, [[new ReplyButton("下一页", "s:1:2")]]));

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Content!.Length <= 2000));
        Assert.Empty(messages[0].Components ?? []);
        Assert.Single(messages[^1].Components!);
    }

    [Fact]
    public void Render_ArticleViewWithMaxParts_RendersOnlyThoseParts()
    {
        var article = Articles.Make(body: string.Join("\n\n", Enumerable.Range(0, 10).Select(_ => new string('字', 500))));

        Assert.Single(_renderer.Render(new Reply.ArticleView(article, MaxParts: 1)));
        Assert.True(_renderer.Render(new Reply.ArticleView(article)).Count > 2);
    }

    [Fact]
    public void Render_AnArticleWithAnArchivedImage_ShowsItFromTheWebArchive()
    {
        var links = new ArticleLinks(Options.Create(new PublicUrlOptions { PublicUrl = "https://archive.example/" }), Options.Create(new BotOptions()));
        var renderer = new ReplyRenderer(new ArticleRenderer(TestOptions.Discord()), links);
        var sha = new string('a', 64);
        var article = Articles.Make() with { Images = [new ArticleImage(0, "https://img.example/1.png", "封面", new StoredImage(sha, 100, "image/png", 10, 10, DateTimeOffset.UnixEpoch), null)] };

        var parts = renderer.Render(new Reply.ArticleView(article));

        Assert.Equal("https://archive.example/media/" + sha, parts[0].Embeds![0].Image!.Url);
        Assert.All(parts.Skip(1), p => Assert.All(p.Embeds ?? [], e => Assert.Null(e.Image)));
    }

    [Fact]
    public void Render_AnArticleWithAnArchivedImage_WithoutAPublicUrl_KeepsTheLink()
    {
        var sha = new string('b', 64);
        var article = Articles.Make() with { Images = [new ArticleImage(0, "https://img.example/1.png", "封面", new StoredImage(sha, 100, "image/png", 10, 10, DateTimeOffset.UnixEpoch), null)] };

        var parts = _renderer.Render(new Reply.ArticleView(article));

        Assert.All(parts, p => Assert.All(p.Embeds ?? [], e => Assert.Null(e.Image)));
    }
}
