using System.Net;
using System.Net.Sockets;
using Bot.Testing;

namespace Bot.Host.Tests;

public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task Run_WhenTelegramRequestsFail_NeverLogsTheToken()
    {
        await using var db = await TempDatabase.CreateAsync();
        const string token = "987654:SECRET-do-not-log_abcdefghijklmnopqrstu";
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Telegram__Token"] = token,
            // Nothing listens there: every Bot API call fails with a connection error whose message names the URL.
            ["Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Logging__LogLevel__Default"] = "Trace",
        };

        await using var bot = BotProcess.Start(db.Folder, environment, "run");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (bot.Stderr.Split('\n').Count(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("warn", StringComparison.OrdinalIgnoreCase)) < 2 && !bot.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        bot.Kill();
        await bot.WaitAsync(TimeSpan.FromSeconds(30));

        var everything = bot.Stdout + bot.Stderr;
        Assert.Contains("127.0.0.1", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-do-not-log", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
