using System.Net;
using Bot.Core.Articles;
using Bot.Core.Media;
using Bot.Testing.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests;

public sealed class MediaTests
{
    [Fact]
    public async Task StoredImage_IsServedFromTheArchive_WithLongCaching_AndUsedByTheArticle()
    {
        await using var server = await WebArchiveServer.StartAsync(seed: false);
        const string url = "https://images.example/cat.png";
        var id = await server.ImportAsync("cat.md", $"---\ntitle: Cat\ndate: 2024-01-02\n---\n\nA cat.\n\n![a cat]({url})\n");
        var png = TestImages.Png(12, 8);
        var files = server.Services.GetRequiredService<MediaFiles>();
        var catalog = server.Services.GetRequiredService<IMediaCatalog>();
        var sha = await files.WriteAsync(png, CancellationToken.None);
        await catalog.SetReferencesAsync(id, [new ImageReference(url, "a cat")], CancellationToken.None);
        await catalog.RecordStoredAsync(url, new StoredImage(sha, png.Length, ImageInfo.Png, 12, 8, DateTimeOffset.UnixEpoch), CancellationToken.None);

        using var response = await server.Http.GetAsync(new Uri($"/media/{sha}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(31_536_000, (int)response.Headers.CacheControl!.MaxAge!.Value.TotalSeconds);
        Assert.True(response.Headers.CacheControl.Public);
        Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{sha}");
        again.Headers.TryAddWithoutValidation("If-None-Match", $"\"{sha}\"");
        Assert.Equal(HttpStatusCode.NotModified, (await server.Http.SendAsync(again)).StatusCode);

        var (_, page, _) = await server.GetAsync($"/articles/{id}");
        Assert.Contains($"<img src=\"/media/{sha}\"", page, StringComparison.Ordinal);
        Assert.Contains("width=\"12\"", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"{server.BaseUri}media/{sha}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("images.example", page, StringComparison.Ordinal);
    }
}
