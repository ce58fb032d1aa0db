using Bot.Telegram.Hosting;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Telegram.Tests.Hosting;

public sealed class PollingTests
{
    [Fact]
    public async Task Restart_ResumesAtTheStoredOffset_AndHandlesNothingTwice()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var database = await TempDatabase.CreateAsync();
        var first = await TelegramBotHarness.StartAsync(fake, database);
        var a = fake.PushMessage(2001, 2001, "/help");
        await fake.WaitForMessagesAsync(m => m.ChatId == 2001);
        await first.WaitForStoredOffsetAsync(a + 1);
        await first.StopAsync();

        var b = fake.PushMessage(2001, 2001, "/tags");
        var requestsBefore = fake.Requests.Count;
        await using var second = await TelegramBotHarness.StartAsync(fake, database);
        await fake.WaitForMessagesAsync(m => m.ChatId == 2001, count: 2);
        await second.WaitForStoredOffsetAsync(b + 1);

        var resumedAt = fake.Requests.Skip(requestsBefore).First(r => r.Method == "getUpdates").Number("offset");
        Assert.Equal(a + 1, resumedAt);
        Assert.Equal(2, fake.Messages.Count(m => m.ChatId == 2001));
    }

    [Fact]
    public async Task FailingUpdate_IsLoggedAndTheNextOneIsStillHandled()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Fake.Script(2001, new FakeFailure.Kicked());
        bot.Fake.PushMessage(2001, 2001, "/help");
        bot.Fake.PushMessage(2001, 2001, "/help");

        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 2001);
        await bot.Logs.WaitForAsync(l => l.Contains("failed; moving on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongToken_StopsTheHostWithAClearLine_WithoutLoggingTheToken()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var database = await TempDatabase.CreateAsync();
        var settings = TelegramBotHarness.Settings(fake, database);
        settings["Telegram:Token"] = "42:revoked-token-value";
        await using var bot = await TelegramBotHarness.StartAsync(fake, database, settings);
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();

        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains(bot.Logs.Lines, l => l.Contains("rejected the bot token", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("revoked-token-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableTelegram_BacksOffAndNeverLogsTheToken()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var database = await TempDatabase.CreateAsync();
        var settings = TelegramBotHarness.Settings(fake, database);
        settings["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9";
        await using var bot = await TelegramBotHarness.StartAsync(fake, database, settings);

        await bot.Logs.WaitForAsync(l => l.Contains("Polling Telegram failed; retrying in 1s", StringComparison.Ordinal));
        await bot.Logs.WaitForAsync(l => l.Contains("setMyCommands failed at start", StringComparison.Ordinal));

        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(fake.Token.Split(':')[1], StringComparison.Ordinal));
        Assert.False(bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }
}
