using Bot.Core;
using Bot.Core.Delivery;
using Bot.Telegram.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Tests.Hosting;

public sealed class TelegramRegistrationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void AddTelegram_WithoutToken_RegistersNothing()
    {
        var services = new ServiceCollection().AddTelegram(Config(("Telegram:Token", "")));
        Assert.Empty(services);
    }

    [Fact]
    public void AddTelegram_WithToken_RegistersClientAndDeliveryChannel()
    {
        // The adapter sits on Core (its delivery channel sends photos through Core's media uploads), as in the host.
        var configuration = Config(("Telegram:Token", "1:abc"));
        var services = new ServiceCollection().AddLogging().AddBotCore(configuration).AddTelegram(configuration);
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<ITelegramApi>());
        Assert.Single(provider.GetServices<IDeliveryChannel>());
    }

    [Theory]
    [InlineData("not-a-token", null, null, "Telegram:Token")]
    [InlineData("1:abc", "http://bot.example.com/hook", "secret", "https")]
    [InlineData("1:abc", "https://bot.example.com/hook", null, "WebhookSecret")]
    [InlineData("1:abc", "https://bot.example.com/hook", "bad secret!", "WebhookSecret")]
    public void Options_Invalid_FailWithTheKeyNamed_AndNeverEchoTheToken(string token, string? webhook, string? secret, string expected)
    {
        var options = new TelegramOptions { Token = token, WebhookUrl = webhook, WebhookSecret = secret };
        var result = new TelegramOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678901234567:abc", "https://api.telegram.org", "more than 16 digits")]
    [InlineData("123:abc", "http://127.0.0.1:8081/telegram", "server root")]
    public void Options_WhatTelegramBotRefusesOrDrops_FailWithTheKeyNamed(string token, string apiBaseUrl, string expected)
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = token, ApiBaseUrl = apiBaseUrl });
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, false, true)]
    [InlineData(0, false, true)]
    [InlineData(31, false, false)]
    [InlineData(1000, true, true)]
    [InlineData(1001, true, false)]
    public void TelegramRate_AboveTheFreeLimit_NeedsPaidBroadcast(double perSecond, bool paid, bool valid)
    {
        var validator = new Bot.Telegram.Delivery.TelegramRateValidator(Options.Create(new TelegramOptions { AllowPaidBroadcast = paid }));
        var delivery = new DeliveryOptions();
        delivery.Telegram.GlobalPerSecond = perSecond;

        var result = validator.Validate(null, delivery);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Delivery:Telegram:GlobalPerSecond", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_ValidWebhook_Pass()
    {
        var options = new TelegramOptions { Token = "123:ABC-def_1", WebhookUrl = "https://bot.example.com/telegram/webhook", WebhookSecret = "abc_DEF-123" };
        Assert.Equal(ValidateOptionsResult.Success, new TelegramOptionsValidator().Validate(null, options));
    }
}
