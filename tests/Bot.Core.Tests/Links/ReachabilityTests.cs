using Bot.Core.Articles;
using Bot.Core.Commands;
using Bot.Core.Configuration;
using Bot.Core.Links;
using Bot.Core.Tests.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Links;

public sealed class ReachabilityTests
{
    private static readonly Dictionary<string, string?> Configured = new()
    {
        ["Bot:BackupLinks:0"] = "备用频道 [new] https://t.me/backup_channel",
        ["Bot:BackupLinks:1"] = "https://mirror.example.org/",
        ["Web:PublicUrl"] = "https://archive.example.org/blog",
    };

    [Theory]
    [InlineData("/start")]
    [InlineData("/help")]
    public async Task StartAndHelp_ShowTheWebArchiveAndBackupLinks(string command)
    {
        await using var chat = await ChatBotHarness.CreateAsync(Configured);

        var text = ChatBotHarness.TextOf(await chat.SendAsync(command, user: ChatBotHarness.User(language: "zh-hans")));

        Assert.True(text.Contains("防失联", StringComparison.Ordinal), text);
        Assert.Matches(@"\[备用频道 \\?\[new\\?\]\]\(<https://t\.me/backup_channel>\)", text);
        Assert.Matches(@"\[mirror\\?\.example\\?\.org\]\(<https://mirror\.example\.org/>\)", text);
        Assert.Contains("(<https://archive.example.org/blog/>)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start")]
    [InlineData("/help")]
    public async Task StartAndHelp_WithoutLinks_SayNothingAboutThem(string command)
    {
        await using var chat = await ChatBotHarness.CreateAsync();

        var text = ChatBotHarness.TextOf(await chat.SendAsync(command));

        Assert.DoesNotContain("find us here", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Web archive", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("label https://t.me/x", "label", "https://t.me/x")]
    [InlineData("  two words   https://example.org/a?b=c  ", "two words", "https://example.org/a?b=c")]
    [InlineData("https://example.org/", "example.org", "https://example.org/")]
    [InlineData("Telegram tg://resolve?domain=backup", "Telegram", "tg://resolve?domain=backup")]
    public void BackupLink_ParsesLabelAndAddress(string entry, string label, string url)
    {
        Assert.True(BackupLink.TryParse(entry, out var link, out var error), error);
        Assert.Equal(label, link.Label);
        Assert.Equal(new Uri(url), link.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just a label")]
    [InlineData("evil javascript:alert(1)")]
    [InlineData("file file:///etc/passwd")]
    public void BackupLink_RefusesWhatIsNotAWebAddress(string entry) =>
        Assert.False(BackupLink.TryParse(entry, out _, out _));

    [Fact]
    public async Task BadBackupLink_IsRefusedAtStart_NamingTheKey()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => ChatBotHarness.CreateAsync(new Dictionary<string, string?> { ["Bot:BackupLinks:0"] = "no address here" }));
        Assert.Contains("Bot:BackupLinks:0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public async Task DeliveryFooter_CarriesTheWebLink_AndBackupsOnlyWhenEnabled(bool inDeliveries, int backups)
    {
        var settings = new Dictionary<string, string?>(Configured) { ["Bot:BackupLinksInDeliveries"] = inDeliveries ? "true" : "false" };
        await using var chat = await ChatBotHarness.CreateAsync(settings);
        var links = chat.Services.GetRequiredService<ArticleLinks>();
        var article = new Article(42, "s", "t", null, null, null, [], [], null, null, null, "b", "b", "b", "h", "zh", ArticleState.Published, null, null, new Dictionary<string, string>());

        var footer = links.FooterFor(article);

        Assert.Equal(new Uri("https://archive.example.org/blog/articles/42"), footer.WebUrl);
        Assert.Equal("在网页上阅读", footer.WebLabel);
        Assert.Equal(backups, footer.Backups.Count);
    }
}
