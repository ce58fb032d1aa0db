using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.Host.Tests;

public sealed class WebEndpointTests
{
    [Fact]
    public async Task Run_WithWebUrls_ServesHealthzAndWritesJsonLogs()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Telegram__Token"] = telegram.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Web__Urls"] = $"http://127.0.0.1:{port}",
            ["Logging__Format"] = "json",
        };

        await using var bot = BotProcess.Start(db.Folder, environment, "run");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(http, bot);

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("ok", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        bot.Kill();
        await bot.WaitAsync(TimeSpan.FromSeconds(30));

        var lines = bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
        }

        Assert.DoesNotContain(telegram.Token, bot.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithWebUrlsAndNoToken_ServesTheArchiveAlone()
    {
        await using var db = await TempDatabase.CreateAsync();
        var file = Path.Combine(db.Folder, "post.md");
        await File.WriteAllTextAsync(file, "---\ntitle: 防失联的备用号\ntags: [通知]\n---\n\n写作题材敏感，请收藏网页版。\n");
        var environment = new Dictionary<string, string> { ["Database__Path"] = db.Path };
        var (importExit, _, importErr) = await BotProcess.RunAsync(db.Folder, environment, null, "import", file);
        Assert.True(importExit == 0, importErr);
        var port = FreePort();
        environment["Web__Urls"] = $"http://127.0.0.1:{port}";

        // No Telegram or Discord token: the web archive (with the scheduler) is what runs, not the console chat.
        await using var bot = BotProcess.Start(db.Folder, environment, "run");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(http, bot);

        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("防失联的备用号", home, StringComparison.Ordinal);
        var article = await http.GetStringAsync(new Uri("/articles/1", UriKind.Relative));
        Assert.Contains("写作题材敏感，请收藏网页版。", article, StringComparison.Ordinal);
        using var feed = await http.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("防失联的备用号", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await http.GetAsync(new Uri("/articles/999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(bot.HasExited, bot.Stderr);
        Assert.DoesNotContain("console", bot.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task WaitForHealthAsync(HttpClient http, BotProcess bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !bot.HasExited)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the process is still starting.
            }

            await Task.Delay(100);
        }

        Assert.Fail("the web archive did not answer /healthz: " + bot.Stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
