using Bot.Core;
using Bot.Core.Search.Sqlite;
using Bot.Core.Storage;
using Bot.Core.Storage.Migrations;
using Bot.Discord;
using Bot.Telegram;
using Bot.Web;
using Bot.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Host.Hosting;

/// <summary>Builds the one Generic Host every mode runs in; only what is registered differs.</summary>
public static class BotHost
{
    public static IHost Build(BotMode mode, string[] configArgs, Action<IServiceCollection>? configure = null)
    {
        var urls = PlatformTokens.Peek(configArgs)[$"{WebOptions.Section}:Urls"];
        if (mode == BotMode.Run && !string.IsNullOrWhiteSpace(urls))
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
            web.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            web.WebHost.ConfigureKestrel(RequestLimits.Apply);
            Configure(web, mode);
            web.Services.AddWebArchive(web.Configuration);
            configure?.Invoke(web.Services);
            var app = web.Build();
            app.MapGet("/healthz", HealthAsync);
            app.MapTelegram();
            app.MapDiscord();
            app.MapWebArchive();
            return app;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
        Configure(builder, mode);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Applies migrations and brings the search index to the current format; every mode calls it before
    /// touching the database, so search is never served from a half-written index.
    /// </summary>
    public static async Task<int> MigrateAsync(IHost host, CancellationToken ct)
    {
        var applied = await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        await host.Services.GetRequiredService<SearchIndexRebuilder>().EnsureCurrentAsync(ct);
        return applied;
    }

    private static void Configure(IHostApplicationBuilder builder, BotMode mode)
    {
        if (mode != BotMode.Run)
        {
            // The console chat and CLI print to stdout; only problems should show up beside them.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        }

        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        // Logs go to stderr so that CLI output (JSON, the console chat) on stdout stays clean.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // HttpClient's own logging prints request URLs, and the Telegram Bot API puts the token in the path.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.Section));
        builder.Services.AddBotCore(builder.Configuration);
        if (mode == BotMode.Tool)
        {
            // export-site renders the same pages as the live archive.
            builder.Services.AddWebArchive(builder.Configuration);
        }

        if (mode == BotMode.Run)
        {
            builder.Services.AddTelegram(builder.Configuration);
            builder.Services.AddDiscord(builder.Configuration);
        }
    }

    private static async Task<IResult> HealthAsync(SqliteDatabase database, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_version";
            await command.ExecuteScalarAsync(ct);
            return Results.Ok(new { status = "ok" });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new { status = "unavailable", error = e.GetType().Name }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
