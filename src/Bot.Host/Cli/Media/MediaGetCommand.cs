using System.CommandLine;
using Bot.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli.Media;

/// <summary>`media get SHA256 --output FILE`: writes a stored image's bytes; exit 1 when there is no such image.</summary>
public static class MediaGetCommand
{
    public static Command Create()
    {
        var sha256 = new Argument<string>("sha256") { Description = "The image's SHA-256 (64 hex digits, as in `articles show --json`)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the image", Required = true };
        var command = new Command("get", "Write a stored image to a file") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(sha256);
        command.Options.Add(output);
        command.SetAction((result, ct) => RunAsync(result.GetValue(sha256)!, result.GetValue(output)!, CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(string sha256, FileInfo output, string[] configArgs, CancellationToken ct)
    {
        var hash = sha256.Trim().ToLowerInvariant();
        if (!MediaFiles.IsHash(hash))
        {
            await Console.Error.WriteLineAsync($"'{sha256}' is not a SHA-256 (64 hexadecimal digits).");
            return 1;
        }

        using var host = await CliHost.OpenAsync(configArgs, ct);
        var image = await host.Services.GetRequiredService<IMediaCatalog>().GetAsync(hash, ct);
        var files = host.Services.GetRequiredService<MediaFiles>();
        await using var source = image is null ? null : files.OpenRead(hash);
        if (source is null)
        {
            await Console.Error.WriteLineAsync(image is null
                ? $"No stored image {hash}."
                : $"Image {hash} is recorded but its file is missing from {files.Folder}.");
            return 1;
        }

        var target = output.FullName;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        await using (var destination = File.Create(partial))
        {
            await source.CopyToAsync(destination, ct);
        }

        File.Move(partial, target, overwrite: true);
        Console.WriteLine($"Wrote {target} ({image!.ContentType}, {image.Width}×{image.Height}, {image.Bytes} bytes).");
        return 0;
    }
}
