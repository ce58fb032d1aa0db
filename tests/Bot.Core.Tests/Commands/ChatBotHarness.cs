using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Tests.Commands;

/// <summary>The real Core composition over a temporary SQLite file; chats and users made up per test.</summary>
public sealed class ChatBotHarness : IAsyncDisposable
{
    public const string AdminId = "1001";

    private ChatBotHarness(TempDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
        Bot = services.GetRequiredService<IChatBot>();
    }

    public TempDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IChatBot Bot { get; }

    /// <summary>The clock the bot reads, so a test can say what "now" is.</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public static ChatRef Private(string id = "500") => new(Platform.Telegram, id, ChatKind.Private);

    public static ChatRef Group(string id = "-100500") => new(Platform.Telegram, id, ChatKind.Group, Title: "读书会");

    public static UserRef User(string id = "42", string language = "en") => new(Platform.Telegram, id, "reader", language);

    public static UserRef Admin(string language = "en") => new(Platform.Telegram, AdminId, "admin", language);

    public static async Task<ChatBotHarness> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TempDatabase.CreateAsync();
        var values = new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Bot:Admins"] = $"telegram:{AdminId}",
            ["Bot:TimeZone"] = "Asia/Shanghai",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        var clock = new FakeTimeProvider();
        services.AddSingleton<TimeProvider>(clock);
        services.AddBotCore(configuration);
        services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
        var harness = new ChatBotHarness(database, services.BuildServiceProvider());
        return harness;
    }

    public Task<IReadOnlyList<Reply>> SendAsync(string text, ChatRef? chat = null, UserRef? user = null, ScriptedAccess? access = null, IncomingFile? file = null, string? botUsername = "ArchiveBot") =>
        Bot.HandleMessageAsync(new IncomingMessage(chat ?? Private(), user ?? User(), text, access ?? ScriptedAccess.Allowing, file, BotUsername: botUsername), CancellationToken.None);

    public Task<IReadOnlyList<Reply>> PressAsync(string payload, ChatRef? chat = null, UserRef? user = null) =>
        Bot.HandleCallbackAsync(new CallbackRequest(chat ?? Private(), user ?? User(), payload, ScriptedAccess.Allowing), CancellationToken.None);

    /// <summary>An admin's /post of <paramref name="markdown"/>; the draft's number.</summary>
    public async Task<long> DraftAsync(string markdown) =>
        Assert.IsType<Reply.ArticleView>((await SendAsync("/post " + markdown, user: Admin()))[0]).Article.Id;

    /// <summary>An admin's /post, then Publish now; the article's number.</summary>
    public async Task<long> PublishAsync(string markdown)
    {
        var id = await DraftAsync(markdown);
        await PressAsync($"pub:{id}", user: Admin());
        return id;
    }

    /// <summary>The article as stored now (null when there is none).</summary>
    public Task<Article?> ArticleAsync(long id) =>
        Services.GetRequiredService<IArticleStore>().GetAsync(id, CancellationToken.None);

    public static string TextOf(IReadOnlyList<Reply> replies) =>
        string.Join("\n", replies.OfType<Reply.Text>().Select(r => r.Markdown));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>What the platform would say about chat admins and other chats.</summary>
public sealed class ScriptedAccess(bool canManage, ChatResolution? resolution = null) : IChatAccess
{
    public static ScriptedAccess Allowing { get; } = new(true);

    public List<string> Resolved { get; } = [];

    public Task<bool> CanManageChatAsync(CancellationToken ct) => Task.FromResult(canManage);

    public Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct)
    {
        Resolved.Add(reference);
        return Task.FromResult(resolution ?? new ChatResolution.Refused(ChatRefusal.NotFound));
    }
}
