using System.Text.Json;
using Bot.Testing;
using Bot.Testing.Media;
using Bot.Testing.Web;

namespace Bot.Host.Tests.Cli;

/// <summary>The media commands of the real executable, with images served on loopback.</summary>
public sealed class MediaCommandTests
{
    [Fact]
    public async Task Media_ImportShowGetListRetryBackupPrune_AsAnOperatorUsesThem()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var server = await LoopbackWebServer.StartAsync();
        var png = TestImages.Png(20, 10);
        server.Map("/a.png", "image/png", png);
        var env = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Fetch__AllowPrivateAddresses"] = "true",
        };
        var file = Path.Combine(db.Folder, "illustrated.md");
        await File.WriteAllTextAsync(file, $"---\ntitle: 图文\n---\n\n![地图]({server.BaseUrl}/a.png)\n\n正文。\n\n<img src=\"{server.BaseUrl}/late.jpg\" alt=\"后来\">\n\n![同一张]({server.BaseUrl}/a.png)\n");

        var (importExit, imported, importErr) = await BotProcess.RunAsync(db.Folder, env, null, "import", file);
        Assert.True(importExit == 0, importErr);
        Assert.Contains("images stored 1, not stored 1", imported, StringComparison.Ordinal);

        var (_, show, _) = await BotProcess.RunAsync(db.Folder, env, null, "articles", "show", "1", "--json");
        using (var shown = JsonDocument.Parse(show))
        {
            var media = shown.RootElement.GetProperty("media").EnumerateArray().ToList();
            Assert.Equal(2, media.Count);
            Assert.Equal(
                ["url", "alt", "sha256", "bytes", "content_type", "width", "height", "stored", "error"],
                media[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal($"{server.BaseUrl}/a.png", media[0].GetProperty("url").GetString());
            Assert.Equal("地图", media[0].GetProperty("alt").GetString());
            Assert.Equal(MediaHash(png), media[0].GetProperty("sha256").GetString());
            Assert.Equal(png.Length, media[0].GetProperty("bytes").GetInt64());
            Assert.Equal(("image/png", 20, 10), (media[0].GetProperty("content_type").GetString(), media[0].GetProperty("width").GetInt32(), media[0].GetProperty("height").GetInt32()));
            Assert.True(media[0].GetProperty("stored").GetBoolean());
            Assert.Equal(JsonValueKind.Null, media[0].GetProperty("error").ValueKind);
            Assert.False(media[1].GetProperty("stored").GetBoolean());
            Assert.Equal("HTTP 404", media[1].GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Null, media[1].GetProperty("sha256").ValueKind);
        }

        var output = Path.Combine(db.Folder, "out", "a.png");
        var (getExit, _, getErr) = await BotProcess.RunAsync(db.Folder, env, null, "media", "get", MediaHash(png), "--output", output);
        Assert.True(getExit == 0, getErr);
        Assert.Equal(png, await File.ReadAllBytesAsync(output));

        var (unknownExit, _, unknownErr) = await BotProcess.RunAsync(db.Folder, env, null, "media", "get", new string('0', 64), "--output", output + "2");
        Assert.Equal(1, unknownExit);
        Assert.Contains($"No stored image {new string('0', 64)}.", unknownErr, StringComparison.Ordinal);
        Assert.False(File.Exists(output + "2"));

        server.Map("/late.jpg", "image/jpeg", TestImages.Jpeg(9, 9));
        var (retryExit, retried, _) = await BotProcess.RunAsync(db.Folder, env, null, "media", "retry");
        Assert.Equal(0, retryExit);
        Assert.Contains("stored 1, still not stored 0", retried, StringComparison.Ordinal);

        var (_, list, _) = await BotProcess.RunAsync(db.Folder, env, null, "media", "list", "--json");
        using (var listed = JsonDocument.Parse(list))
        {
            Assert.Equal(2, listed.RootElement.GetProperty("stored").GetArrayLength());
            Assert.Equal(0, listed.RootElement.GetProperty("failed").GetArrayLength());
        }

        var backup = Path.Combine(db.Folder, "backup", "bot.db");
        var (backupExit, backedUp, backupErr) = await BotProcess.RunAsync(db.Folder, env, null, "backup", backup);
        Assert.True(backupExit == 0, backupErr);
        Assert.Contains($"Media: 2 images", backedUp, StringComparison.Ordinal);
        Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(backup + ".media", MediaHash(png)[..2], MediaHash(png))));

        // The article no longer uses a.png: its image stays until prune.
        await File.WriteAllTextAsync(file, $"---\ntitle: 图文\n---\n\n<img src=\"{server.BaseUrl}/late.jpg\" alt=\"后来\">\n");
        await BotProcess.RunAsync(db.Folder, env, null, "import", file);
        Assert.True(File.Exists(Path.Combine(db.Folder, "media", MediaHash(png)[..2], MediaHash(png))));
        var (pruneExit, pruned, _) = await BotProcess.RunAsync(db.Folder, env, null, "media", "prune");
        Assert.Equal(0, pruneExit);
        Assert.Contains($"removed 1 unused images ({png.Length} bytes)", pruned, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(db.Folder, "media", MediaHash(png)[..2], MediaHash(png))));
    }

    [Fact]
    public async Task Import_NoImages_RecordsTheImagesWithoutFetching_AndRetryFetchesThem()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var server = await LoopbackWebServer.StartAsync();
        server.Map("/a.png", "image/png", TestImages.Png(8, 8));
        var env = new Dictionary<string, string>
        {
            ["Database__Path"] = db.Path,
            ["Fetch__AllowPrivateAddresses"] = "true",
        };
        var file = Path.Combine(db.Folder, "offline.md");
        await File.WriteAllTextAsync(file, $"---\ntitle: 离线导入\n---\n\n![图]({server.BaseUrl}/a.png)\n\n正文。\n");

        var (importExit, _, importErr) = await BotProcess.RunAsync(db.Folder, env, null, "import", file, "--no-images");
        Assert.True(importExit == 0, importErr);
        Assert.Equal(0, server.RequestCount("/a.png"));
        var (_, show, _) = await BotProcess.RunAsync(db.Folder, env, null, "articles", "show", "1", "--json");
        using (var shown = JsonDocument.Parse(show))
        {
            var image = Assert.Single(shown.RootElement.GetProperty("media").EnumerateArray());
            Assert.Equal($"{server.BaseUrl}/a.png", image.GetProperty("url").GetString());
            Assert.False(image.GetProperty("stored").GetBoolean());
        }

        var (retryExit, retried, _) = await BotProcess.RunAsync(db.Folder, env, null, "media", "retry");
        Assert.Equal(0, retryExit);
        Assert.Contains("stored 1, still not stored 0", retried, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount("/a.png"));
    }

    private static string MediaHash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
