using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;
using Microsoft.Data.Sqlite;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>
/// Discord drops an interaction not answered within 3 s (10062). Core's SQLite calls run synchronously;
/// while another writer holds the database, /subscribe must still be deferred in time, then answered.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Gateway_SubscribeWhileTheDatabaseIsLocked_IsDeferredInTimeThenAnswered()
    {
        await using var discord = await StartDiscordAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await discord.WaitForAsync(d => d.GatewayReady, "a session");
        var interaction = Subscribe();
        var token = FakeInteractions.TokenOf(interaction);

        await using (var writer = await LockAsync(bot.DatabasePath))
        {
            await discord.DispatchAsync("INTERACTION_CREATE", interaction);
            await discord.WaitForAsync(d => d.CallsFor(token).Any() || d.LateCallbacks > 0, "the initial response", TimeSpan.FromSeconds(10));
        }

        await discord.WaitForAsync(d => d.AnswersFor(token).Any() || d.LateCallbacks > 0, "the answer");
        Assert.Equal(0, discord.LateCallbacks);
        Assert.Equal(5, discord.CallsFor(token).First().CallbackType);
        Assert.NotNull(await bot.Get<ISubscriptionService>().GetAsync(new ChatRef(Platform.Discord, FakeInteractions.ChannelId, ChatKind.DiscordChannel), default));
    }

    [Fact]
    public async Task Http_SubscribeWhileTheDatabaseIsLocked_RespondsDeferredThenEditsTheOriginal()
    {
        var keys = new Ed25519Keys();
        await using var discord = await StartDiscordAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?>
        {
            ["Discord:Interactions"] = "http",
            ["Discord:PublicKey"] = keys.PublicKeyHex,
        });
        var interaction = Subscribe();
        var body = interaction.ToJsonString();
        const string timestamp = "1700000000";
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.BaseUrl + "/discord/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", keys.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);

        JsonNode? initial;
        await using (var writer = await LockAsync(bot.DatabasePath))
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await Http.SendAsync(request, cancel.Token);
            initial = await response.Content.ReadFromJsonAsync<JsonNode>(cancel.Token);
        }

        Assert.Equal(5, (int?)initial!["type"]);
        await discord.WaitForAsync(d => d.CallsFor(FakeInteractions.TokenOf(interaction)).Any(c => c.Kind == RecordedCallKind.EditOriginal), "the answer");
    }

    [Theory]
    [InlineData("subscribe", false)]
    [InlineData("search", true)]
    public async Task Gateway_DeferredAnswer_IsPersonalFromTheDeferralOn(string command, bool personal)
    {
        // Discord ignores flags on an edit of the original response: a personal answer must be asked for
        // when deferring, or the edit shows it to the whole channel.
        await using var discord = await StartDiscordAsync();
        await using var bot = await DiscordBotHost.StartAsync(discord);
        await discord.WaitForAsync(d => d.GatewayReady, "a session");
        var interaction = command == "subscribe"
            ? Subscribe()
            : FakeInteractions.SlashCommand("search", [("query", 3, JsonValue.Create("中国"))]);
        var token = FakeInteractions.TokenOf(interaction);

        await using (var writer = await LockAsync(bot.DatabasePath))
        {
            await discord.DispatchAsync("INTERACTION_CREATE", interaction);
            await discord.WaitForAsync(d => d.CallsFor(token).Any() || d.LateCallbacks > 0, "the initial response", TimeSpan.FromSeconds(10));
        }

        await discord.WaitForAsync(d => d.AnswersFor(token).Any() || d.LateCallbacks > 0, "the answer");
        Assert.Equal(5, discord.CallsFor(token).First().CallbackType);
        Assert.Equal(personal, discord.IsOriginalEphemeral(token));
    }

    private static async Task<FakeDiscord> StartDiscordAsync()
    {
        var discord = await FakeDiscord.StartAsync();
        discord.AddChannel(new FakeChannel(FakeInteractions.ChannelId, FakeInteractions.GuildId, "general"));
        return discord;
    }

    private static JsonObject Subscribe() =>
        FakeInteractions.SlashCommand("subscribe", memberPermissions: FakeInteractions.ViewAndSend | FakeInteractions.ManageChannels);

    /// <summary>Another writer (an import, another process) holds the write lock until disposed.</summary>
    private static async Task<SqliteConnection> LockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}
