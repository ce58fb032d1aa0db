using System.Text;
using Bot.Core;
using Bot.Core.Articles;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Telegram.Tests.Support;

/// <summary>
/// The real composition (AddBotCore + AddTelegram over a temp SQLite file) talking to the fake
/// Telegram server on loopback. Only configuration differs from production.
/// </summary>
public sealed class TelegramBotHarness : IAsyncDisposable
{
    public const long AdminId = 1001;

    private TelegramBotHarness(FakeTelegramServer fake, TempDatabase database, bool ownsFake)
    {
        Fake = fake;
        Database = database;
        OwnsFake = ownsFake;
    }

    public FakeTelegramServer Fake { get; }

    public TempDatabase Database { get; }

    public IHost Host { get; private set; } = null!;

    public ListLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => Host.Services;

    private bool OwnsFake { get; }

    public static async Task<TelegramBotHarness> StartAsync(
        FakeTelegramServer? fake = null,
        TempDatabase? database = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var harness = new TelegramBotHarness(fake ?? await FakeTelegramServer.StartAsync(), database ?? await TempDatabase.CreateAsync(), fake is null);
        harness.Host = BuildHost(harness, settings, services);
        await harness.Host.StartAsync();
        return harness;
    }

    public static Dictionary<string, string?> Settings(FakeTelegramServer fake, TempDatabase database) => new()
    {
        ["Database:Path"] = database.Path,
        ["Telegram:Token"] = fake.Token,
        ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
        ["Telegram:PollTimeoutSeconds"] = "5",
        ["Bot:Admins"] = $"telegram:{AdminId}",
        ["Bot:TimeZone"] = "UTC",
        ["Delivery:PollSeconds"] = "0.2",
    };

    /// <summary>Stores a published article straight into the archive (no fan-out, as an import).</summary>
    public async Task<long> ImportAsync(string fileName, string markdown)
    {
        var parsed = Services.GetRequiredService<IArticleParser>().Parse(fileName, Encoding.UTF8.GetBytes(markdown));
        Assert.True(parsed.Succeeded, parsed.Error);
        return (await Services.GetRequiredService<IArticleStore>().ImportAsync(parsed.Article!, CancellationToken.None)).ArticleId;
    }

    /// <summary>Waits until the polling loop has stored <paramref name="offset"/> (checked after each getUpdates the bot makes).</summary>
    public async Task WaitForStoredOffsetAsync(long offset)
    {
        var state = Services.GetRequiredService<Bot.Core.Storage.IBotStateStore>();
        var expected = offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var polls = Fake.Requests.Count; ; polls++)
        {
            if (await state.GetAsync(global::Bot.Telegram.Hosting.TelegramPollingService.OffsetKey, CancellationToken.None) == expected)
            {
                return;
            }

            var seen = polls;
            await Fake.WaitUntilAsync(f => f.Requests.Count > seen, what: $"offset {expected} stored");
        }
    }

    public async Task StopAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            if (OwnsFake)
            {
                await Fake.DisposeAsync();
                await Database.DisposeAsync();
            }
        }
    }

    private static IHost BuildHost(TelegramBotHarness harness, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? Settings(harness.Fake, harness.Database));
        builder.Logging.AddProvider(harness.Logs);
        // Registered before the composition, whose TryAdd registrations then leave a test's replacement (a clock, a store) in place.
        services?.Invoke(builder.Services);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddTelegram(builder.Configuration);
        return builder.Build();
    }
}
