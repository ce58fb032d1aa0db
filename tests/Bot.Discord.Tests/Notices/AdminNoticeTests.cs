using System.Text.Json.Nodes;
using Bot.Core.Sources;
using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;
using Bot.Testing.Web;

namespace Bot.Discord.Tests.Notices;

/// <summary>Notices for the admins reach a Discord admin by direct message: POST /users/@me/channels once, then messages there.</summary>
public sealed class AdminNoticeTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private FakeDiscord _discord = null!;
    private LoopbackWebServer _web = null!;
    private DiscordBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _web = await LoopbackWebServer.StartAsync();
        _bot = await DiscordBotHost.StartAsync(_discord, new Dictionary<string, string?>
        {
            ["Fetch:AllowPrivateAddresses"] = "true",
            ["Sources:DisableAfterFailures"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _web.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task PausedSource_TheDiscordAdminIsToldOnceByDirectMessage()
    {
        _web.Map("/feed.xml", "text/html", "<html><body>not a feed</body></html>");
        var source = await AddAsync(review: false);

        await PollAsync(source.Id);
        Assert.Null(_discord.DmChannelOf(DiscordBotHost.AdminUserId));
        Assert.Equal("paused", (await PollAsync(source.Id)).Status);
        Assert.DoesNotContain(await _bot.Get<SourcePoller>().PollDueAsync(force: true, None), r => r.Id == source.Id); // paused: left alone
        await PollAsync(source.Id); // even polled by hand, nobody is told again

        var dm = _discord.DmChannelOf(DiscordBotHost.AdminUserId);
        Assert.NotNull(dm);
        var notice = Assert.Single(_discord.Messages, m => m.ChannelId == dm);
        Assert.Contains($"Source {source.Id}", notice.Content, StringComparison.Ordinal);
        Assert.Contains("paused after 2 failures", notice.Content, StringComparison.Ordinal);
        Assert.Equal(1, _discord.RequestCount("POST /users/@me/channels"));
    }

    [Fact]
    public async Task ReviewDraft_TheDiscordAdminGetsThePreviewWithItsButtons()
    {
        _web.Map("/feed.xml", "application/rss+xml", Rss("a"));
        var source = await AddAsync(review: true);
        await PollAsync(source.Id);
        _web.Map("/feed.xml", "application/rss+xml", Rss("b", "a"));

        await PollAsync(source.Id);
        _web.Map("/feed.xml", "application/rss+xml", Rss("c", "b", "a"));
        await PollAsync(source.Id);

        var dm = _discord.DmChannelOf(DiscordBotHost.AdminUserId);
        var messages = _discord.Messages.Where(m => m.ChannelId == dm).ToList();
        Assert.Equal(2, messages.Count(m => m.Content?.Contains($"Source {source.Id}", StringComparison.Ordinal) == true));
        var withButtons = messages.Where(m => m.Body["components"] is JsonArray { Count: > 0 }).ToList();
        Assert.Equal(2, withButtons.Count);
        Assert.All(withButtons, m => Assert.Equal(3, ((JsonArray)m.Body["components"]![0]!["components"]!).Count));
        Assert.Equal(1, _discord.RequestCount("POST /users/@me/channels")); // the DM channel is opened once
    }

    private static string Rss(params string[] ids) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://blog.example.org/</link>
        {string.Concat(ids.Select(i => $"<item><guid>{i}</guid><title>Item {i}</title><link>https://blog.example.org/{i}</link><description>Text {i}.</description></item>"))}
        </channel></rss>
        """;

    private async Task<Source> AddAsync(bool review)
    {
        var (source, error) = await _bot.Get<SourceManager>().AddAsync(_web.Url("/feed.xml").AbsoluteUri, "30m", false, review, [], None);
        Assert.Null(error);
        return source!;
    }

    private async Task<SourcePollResult> PollAsync(long id) =>
        await _bot.Get<SourcePoller>().PollAsync((await _bot.Get<ISourceStore>().GetAsync(id, None))!, None);
}
