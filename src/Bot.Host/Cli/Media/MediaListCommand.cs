using System.CommandLine;
using System.Text.Json;
using Bot.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli.Media;

/// <summary>`media list [--json]`: stored images with how many article references use them, and the images not stored with why.</summary>
public static class MediaListCommand
{
    public static Command Create()
    {
        var json = CliOptions.Json();
        var command = new Command("list", "List stored images and the images that could not be stored") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction((result, ct) => RunAsync(result.GetValue(json), CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var catalog = host.Services.GetRequiredService<IMediaCatalog>();
        var stored = await catalog.ListAsync(ct);
        var missing = await catalog.MissingAsync(null, ct);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    path = host.Services.GetRequiredService<MediaFiles>().Folder,
                    stored = stored.Select(e => new
                    {
                        sha256 = e.Image.Sha256,
                        bytes = e.Image.Bytes,
                        content_type = e.Image.ContentType,
                        width = e.Image.Width,
                        height = e.Image.Height,
                        references = e.References,
                        created_at = e.Image.CreatedAt,
                    }),
                    failed = missing.Select(m => new { article_id = m.ArticleId, url = m.Url, error = m.Error, attempts = m.Attempts }),
                },
                CliJson.Options));
            return 0;
        }

        Console.WriteLine($"{stored.Count} stored images, {stored.Sum(e => e.Image.Bytes)} bytes in {host.Services.GetRequiredService<MediaFiles>().Folder}");
        foreach (var entry in stored)
        {
            var image = entry.Image;
            Console.WriteLine($"  {image.Sha256}  {image.ContentType,-10} {image.Width,5}×{image.Height,-5} {image.Bytes,10}  used {entry.References}×");
        }

        Console.WriteLine($"{missing.Count} images not stored");
        foreach (var image in missing)
        {
            Console.WriteLine($"  article {image.ArticleId}  {image.Url}: {image.Error ?? "not tried yet"}");
        }

        return 0;
    }
}
