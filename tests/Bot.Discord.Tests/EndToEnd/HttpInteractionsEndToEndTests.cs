using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Tests.Support;
using Bot.Testing.Discord;

namespace Bot.Discord.Tests.EndToEnd;

/// <summary>Discord:Interactions = http: signed POSTs to /discord/interactions on the bot's web server.</summary>
public sealed class HttpInteractionsEndToEndTests : IAsyncLifetime
{
    private readonly Ed25519Keys _keys = new();
    private static readonly HttpClient Http = new();
    private FakeDiscord _discord = null!;
    private DiscordBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await DiscordBotHost.StartAsync(_discord, new Dictionary<string, string?>
        {
            ["Discord:Interactions"] = "http",
            ["Discord:PublicKey"] = _keys.PublicKeyHex,
            ["Discord:GuildId"] = FakeInteractions.GuildId,
        });
        await _discord.WaitForAsync(d => d.RegisteredCommands is not null, "command registration");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public void Start_RegistersInTheDevelopmentGuildAndOpensNoGateway()
    {
        Assert.Equal(FakeInteractions.GuildId, _discord.RegisteredInGuild);
        Assert.Equal(0, _discord.Connections);
    }

    [Fact]
    public async Task Post_BadSignature_Is401AndNothingRuns()
    {
        var interaction = FakeInteractions.SlashCommand("help");
        var body = interaction.ToJsonString();
        using var request = Request(body, "1700000000", _keys.Sign("1700000000", body.Replace("help", "tags", StringComparison.Ordinal)));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_discord.InteractionCalls);
    }

    [Fact]
    public async Task Post_NoSignature_Is401()
    {
        using var response = await Http.PostAsync(_bot.BaseUrl + "/discord/interactions", new StringContent("{\"type\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_Ping_IsAnsweredWithPong()
    {
        var (status, json) = await SendAsync(FakeInteractions.Ping());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int?)json!["type"]);
    }

    [Fact]
    public async Task Post_Command_IsAnsweredInTheResponseBody()
    {
        var (status, json) = await SendAsync(FakeInteractions.SlashCommand("help", locale: "zh-CN"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (int?)json!["type"]);
        Assert.Contains("订阅", (string?)json["data"]!["content"], StringComparison.Ordinal);
        Assert.Empty(json["data"]!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Post_NotJson_IsBadRequest()
    {
        const string body = "not json";
        using var request = Request(body, "1", _keys.Sign("1", body));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(JsonObject interaction)
    {
        var body = interaction.ToJsonString();
        const string timestamp = "1700000000";
        using var request = Request(body, timestamp, _keys.Sign(timestamp, body));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private HttpRequestMessage Request(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "/discord/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
