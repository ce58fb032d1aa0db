using System.Globalization;
using System.Text;
using Bot.Core.Storage;
using Bot.Telegram.Hosting;
using Bot.Telegram.Tests.Support;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Telegram.Tests.Hosting;

/// <summary>Updates handled side by side: a stalled chat holds up nobody else, and shutdown waits for it.</summary>
public sealed class ConcurrentUpdatesTests
{
    private const long Admin = TelegramBotHarness.AdminId;
    private const string Article = "---\ntitle: 新文章\nauthor: 编辑\ntags: [测试]\n---\n\n这是管理员发布的新文章。";

    [Fact]
    public async Task StalledPostDownload_FiftyOtherUsersSearches_AreAnsweredMeanwhile()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        await bot.ImportAsync("n.md", "---\ntitle: 朝鲜新闻\n---\n\n关于朝鲜的报道。");
        var (file, postUpdate) = await StallAPostAsync(bot);

        for (var user = 5000; user < 5050; user++)
        {
            bot.Fake.PushMessage(user, user, "/search 朝鲜");
        }

        var answers = await bot.Fake.WaitForMessagesAsync(m => m.ChatId is >= 5000 and < 5050 && m.VisibleText.Contains("results for", StringComparison.Ordinal), count: 50);
        Assert.Equal(50, answers.Select(m => m.ChatId).Distinct().Count());
        Assert.DoesNotContain(bot.Fake.Messages, m => m.ChatId == Admin && m.VisibleText.Contains("Preview of draft", StringComparison.Ordinal));

        // The stalled update is not confirmed: a crash now would handle it again.
        var stored = await bot.Services.GetRequiredService<IBotStateStore>().GetAsync(TelegramPollingService.OffsetKey, CancellationToken.None);
        Assert.True(long.Parse(stored!, CultureInfo.InvariantCulture) <= postUpdate, $"stored offset {stored} passed the unfinished update {postUpdate}");

        bot.Fake.ReleaseFile(file);
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Admin && m.VisibleText.Contains("Preview of draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_WaitsForTheUpdateInFlight_ThenStoresTheOffsetPastIt()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var (file, postUpdate) = await StallAPostAsync(bot);

        var stopping = bot.Host.StopAsync();
        await bot.Logs.WaitForAsync(l => l.Contains("Waiting for 1 Telegram update(s)", StringComparison.Ordinal));
        bot.Fake.ReleaseFile(file);
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains(bot.Fake.Messages, m => m.ChatId == Admin && m.VisibleText.Contains("Preview of draft", StringComparison.Ordinal));
        var stored = await bot.Services.GetRequiredService<IBotStateStore>().GetAsync(TelegramPollingService.OffsetKey, CancellationToken.None);
        Assert.Equal((postUpdate + 1).ToString(CultureInfo.InvariantCulture), stored);
    }

    private static async Task<(string File, long Update)> StallAPostAsync(TelegramBotHarness bot)
    {
        bot.Fake.PushMessage(Admin, Admin, "/post");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Admin && m.VisibleText.Contains("Send the article now", StringComparison.Ordinal));
        var file = bot.Fake.AddFile("new.md", Encoding.UTF8.GetBytes(Article));
        bot.Fake.StallFile(file);
        var update = bot.Fake.PushFile(Admin, Admin, file);
        await bot.Fake.WaitUntilAsync(f => f.DownloadsStarted.Count == 1, what: "the download started");
        return (file, update);
    }
}
