using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Web;

/// <summary>
/// A web server on 127.0.0.1 with a random port for feeds, pages and images in tests. Routes are set
/// and changed while it runs; every request is recorded with its headers.
/// </summary>
public sealed class LoopbackWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _connections;

    private LoopbackWebServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>TCP connections accepted, so a test can prove a refused fetch never connected.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<LoopbackWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackWebServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            listen.Use(next => connection =>
            {
                Interlocked.Increment(ref server!._connections);
                return next(connection);
            })));
        var app = builder.Build();
        server = new LoopbackWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public Uri Url(string path) => new($"{BaseUrl}{path}");

    /// <summary>Serves <paramref name="path"/> (path and query) with the handler, replacing any earlier one.</summary>
    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void Map(string path, string contentType, byte[] body) => Map(path, async http =>
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    });

    public void Map(string path, string contentType, string body) => Map(path, contentType, System.Text.Encoding.UTF8.GetBytes(body));

    public int RequestCount(string path) => _requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path + http.Request.QueryString;
        _requests.Enqueue(new RecordedRequest(path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_routes.TryGetValue(path, out var handler) || _routes.TryGetValue(http.Request.Path, out handler))
        {
            await handler(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}

public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
