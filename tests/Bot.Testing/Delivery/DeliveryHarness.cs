using Bot.Core.Chat;
using Bot.Core.Configuration;
using Bot.Core.Digests;
using Bot.Core.Delivery;
using Bot.Core.Publishing;
using Bot.Core.Search.Sqlite;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Testing.Delivery;

/// <summary>
/// Subscriptions, publishing and a delivery worker over a real temporary SQLite file, a fake clock
/// and a <see cref="FakeDeliveryChannel"/>: the whole pipeline without DI, Quartz or a host.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private DeliveryHarness(TempDatabase database, DeliveryOptions options, FakeDeliveryChannel channel)
    {
        Database = database;
        Options = options;
        Channel = channel;
        Articles = new RowArticleStore(database.Database);
        Signal = new DeliverySignal();
        Cache = new ArticleCache(Articles);
        Subscriptions = new SqliteSubscriptionService(database.Database, Clock, NullLogger<SqliteSubscriptionService>.Instance);
        Zones = new ChatTimeZones(Microsoft.Extensions.Options.Options.Create(new BotOptions { TimeZone = "Asia/Shanghai" }));
        Digests = new DigestComposer(database.Database, Zones, new Bot.Core.Links.ArticleLinks(Microsoft.Extensions.Options.Options.Create(new Bot.Core.Links.PublicUrlOptions()), Microsoft.Extensions.Options.Options.Create(new BotOptions())));
        Preferences = new SqliteDeliveryPreferenceService(database.Database, Zones, new DigestTriggerSignal(), Signal, Clock, NullLogger<SqliteDeliveryPreferenceService>.Instance);
        Maker = new DigestMaker(database.Database, Zones, Signal, Clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<DigestMaker>.Instance);
        Publishing = new SqlitePublishingService(database.Database, Signal, Cache, new SqliteArticleIndex(), Clock, NullLogger<SqlitePublishingService>.Instance);
        Worker = NewWorker(signal: Signal);
    }

    public TempDatabase Database { get; }

    public DeliveryOptions Options { get; }

    public FakeDeliveryChannel Channel { get; }

    public FakeTimeProvider Clock { get; } = new();

    public RowArticleStore Articles { get; }

    public DeliverySignal Signal { get; }

    public ArticleCache Cache { get; }

    public SqliteSubscriptionService Subscriptions { get; }

    public SqlitePublishingService Publishing { get; }

    /// <summary>Chats without a zone of their own are in Asia/Shanghai (the default of Bot:TimeZone).</summary>
    public ChatTimeZones Zones { get; }

    public DigestComposer Digests { get; }

    public SqliteDeliveryPreferenceService Preferences { get; }

    public DigestMaker Maker { get; }

    public DeliveryWorker Worker { get; }

    /// <param name="configure">Changes the options; by default there are no rate limits and Concurrency is 4.</param>
    public static async Task<DeliveryHarness> CreateAsync(Action<DeliveryOptions>? configure = null, Platform platform = Platform.Telegram)
    {
        var options = new DeliveryOptions
        {
            Concurrency = 4,
            Telegram = new PlatformRateOptions(),
            Discord = new PlatformRateOptions(),
        };
        configure?.Invoke(options);
        return new DeliveryHarness(await TempDatabase.CreateAsync(), options, new FakeDeliveryChannel(platform));
    }

    /// <summary>A second worker on the same database (a restarted process), with its own outbox, limiter and lease owner.</summary>
    public DeliveryWorker NewWorker(IDeliveryChannel? channel = null, DeliverySignal? signal = null) => new(
        new DeliveryOutbox(Database.Database, Clock, Zones),
        [channel ?? Channel],
        new ArticleCache(Articles),
        Digests,
        new DeliveryRateLimiter(Microsoft.Extensions.Options.Options.Create(Options), Clock),
        signal ?? new DeliverySignal(),
        Clock,
        Microsoft.Extensions.Options.Options.Create(Options),
        NullLogger<DeliveryWorker>.Instance);

    public static ChatRef Private(string id) => new(Platform.Telegram, id, ChatKind.Private);

    public static ChatRef Group(string id) => new(Platform.Telegram, id, ChatKind.Group);

    /// <summary>Inserts a draft and publishes it at once; returns its id.</summary>
    public async Task<long> PublishAsync(string title, IReadOnlyList<string>? tags = null, string? author = null, string text = "正文")
    {
        var id = await TestArticles.InsertAsync(Database.Database, title, "draft", author, tags, text);
        var outcome = await Publishing.PublishNowAsync(id, CancellationToken.None);
        if (outcome.Status != PublishStatus.Published)
        {
            throw new InvalidOperationException($"publishing {id} gave {outcome.Status}");
        }

        return id;
    }

    /// <summary>Runs worker passes until one finds nothing to do (at most <paramref name="maxPasses"/>).</summary>
    public async Task<int> DrainAsync(DeliveryWorker? worker = null, int maxPasses = 1000)
    {
        var total = 0;
        for (var i = 0; i < maxPasses; i++)
        {
            var done = await (worker ?? Worker).DrainOnceAsync(CancellationToken.None);
            if (done == 0)
            {
                return total;
            }

            total += done;
        }

        throw new InvalidOperationException($"still draining after {maxPasses} passes");
    }

    /// <summary>Reads one value with SQL, for assertions on the outbox.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Database.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(CancellationToken.None);
        return (T)Convert.ChangeType(result!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.ReleaseHeld();
        Signal.Dispose();
        await Database.DisposeAsync();
    }
}
