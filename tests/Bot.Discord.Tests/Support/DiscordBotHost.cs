using Bot.Core;
using Bot.Core.Storage.Migrations;
using Bot.Testing;
using Bot.Testing.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Support;

/// <summary>
/// The real composition (AddBotCore + AddDiscord) on a temp database, pointed at a <see cref="FakeDiscord"/>,
/// with the web server on loopback so http-mode interactions can be posted to it.
/// </summary>
public sealed class DiscordBotHost : IAsyncDisposable
{
    public const string AdminUserId = "720000000000000099";

    private readonly WebApplication _app;
    private readonly TempDatabase _database;

    private DiscordBotHost(WebApplication app, TempDatabase database, CapturingLoggerProvider logs)
    {
        _app = app;
        _database = database;
        Logs = logs;
    }

    public IServiceProvider Services => _app.Services;

    public CapturingLoggerProvider Logs { get; }

    public string DatabasePath => _database.Path;

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<DiscordBotHost> StartAsync(FakeDiscord discord, IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var database = await TempDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Path"] = database.Path,
            ["Bot:Admins"] = "discord:" + AdminUserId,
            ["Bot:TimeZone"] = "UTC",
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Delivery:PollSeconds"] = "0.2",
            ["Delivery:Discord:GroupPerMinute"] = "0",
            ["Delivery:Discord:ChatBurst"] = "100",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });

        // Only these settings: nothing from the environment; "urls" keeps the server on a free loopback port.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        if (time is not null)
        {
            // Registered before the composition, whose TryAdd of the system clock then leaves it alone.
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddBotCore(builder.Configuration);
        builder.Services.AddDiscord(builder.Configuration);
        var app = builder.Build();
        app.MapDiscord();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(default);
        await app.StartAsync();
        var host = new DiscordBotHost(app, database, logs)
        {
            BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'),
        };
        return host;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
