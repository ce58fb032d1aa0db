using Bot.Core;
using Bot.Core.Chat;
using Bot.Core.Sources;
using Bot.Core.Subscriptions;
using Bot.Testing;
using Bot.Testing.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Sources;

/// <summary>The real Core composition on a temp database with a fake clock, and a loopback web server for feeds.</summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SourceHarness(TempDatabase database, LoopbackWebServer web, ServiceProvider services, FakeTimeProvider time, RecordingNotifier notifier)
    {
        Database = database;
        Web = web;
        _services = services;
        Time = time;
        Notifier = notifier;
    }

    public TempDatabase Database { get; }

    public LoopbackWebServer Web { get; }

    public FakeTimeProvider Time { get; }

    public RecordingNotifier Notifier { get; }

    public IServiceProvider Services => _services;

    public SourcePoller Poller => _services.GetRequiredService<SourcePoller>();

    public ISourceStore Store => _services.GetRequiredService<ISourceStore>();

    public static async Task<SourceHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var database = await TempDatabase.CreateAsync();
        var web = await LoopbackWebServer.StartAsync();
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Fetch:AllowPrivateAddresses"] = "true",
            ["Fetch:MaxBytes"] = "1000000",
            ["Sources:DisableAfterFailures"] = "3",
        }.Concat(settings ?? [])).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IAdminNotifier>(notifier);
        services.AddLogging();
        services.AddBotCore(configuration);
        return new SourceHarness(database, web, services.BuildServiceProvider(), time, notifier);
    }

    public async Task<Source> AddFeedAsync(string path, bool review = false, bool fullText = false)
    {
        var (source, error) = await _services.GetRequiredService<SourceManager>().AddAsync(Web.Url(path).AbsoluteUri, "30m", fullText, review, [], CancellationToken.None);
        Assert.Null(error);
        return source!;
    }

    public async Task<SourcePollResult> PollAsync(long id) =>
        await Poller.PollAsync((await Store.GetAsync(id, CancellationToken.None))!, CancellationToken.None);

    public async Task SubscribeAsync(string chatId = "500") =>
        await _services.GetRequiredService<ISubscriptionService>().SubscribeAsync(new ChatRef(Platform.Telegram, chatId, ChatKind.Private), SubscriptionFilter.Everything, CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Web.DisposeAsync();
        await Database.DisposeAsync();
    }
}

internal sealed class RecordingNotifier : IAdminNotifier
{
    private readonly List<AdminNotice> _notices = [];

    public IReadOnlyList<AdminNotice> Notices
    {
        get
        {
            lock (_notices)
            {
                return [.. _notices];
            }
        }
    }

    public Task NotifyAsync(AdminNotice notice, CancellationToken ct)
    {
        lock (_notices)
        {
            _notices.Add(notice);
        }

        return Task.CompletedTask;
    }
}
