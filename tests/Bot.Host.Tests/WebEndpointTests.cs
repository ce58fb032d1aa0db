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
        using var http = new HttpClient();
        HttpResponseMessage? health = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (health is null && DateTime.UtcNow < deadline && !bot.HasExited)
        {
            try
            {
                health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(health);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
