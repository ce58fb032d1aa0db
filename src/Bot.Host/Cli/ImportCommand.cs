using System.CommandLine;
using System.Text.Json;
using Bot.Core.Importing;
using Bot.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`import PATHS… [--json]`: files or folders into the archive as published articles, never pushed to subscribers.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (recursive; .md, .markdown, .txt) and web page URLs", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Json();
        var noImages = new Option<bool>("--no-images") { Description = "Record the articles' images without fetching them; `bot media retry` fetches them later" };
        var command = new Command("import", "Import articles into the archive (re-importing an unchanged file changes nothing)") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.Options.Add(noImages);
        command.SetAction((result, ct) =>
        {
            // A variadic argument also swallows configuration overrides (--Database:Path=…): hand them back.
            var given = result.GetValue(paths) ?? [];
            var overrides = given.Where(IsConfigOverride).ToArray();
            return RunAsync([.. given.Except(overrides)], result.GetValue(json), !result.GetValue(noImages), [.. CliOptions.ConfigArgs(result), .. overrides], ct);
        });
        return command;
    }

    private static bool IsConfigOverride(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.Contains(':', StringComparison.Ordinal);

    private static async Task<int> RunAsync(string[] paths, bool json, bool fetchImages, string[] configArgs, CancellationToken ct)
    {
        if (paths.Length == 0)
        {
            await Console.Error.WriteLineAsync("Give at least one file or folder to import.");
            return 2;
        }

        using var host = await CliHost.OpenAsync(configArgs, ct);
        var importer = host.Services.GetRequiredService<ArticleImporter>();
        // URLs (mixed freely with paths) are fetched and their article extracted; the summary adds up both.
        var urls = paths.Where(PageImporter.IsUrl).ToList();
        var files = paths.Where(p => !PageImporter.IsUrl(p)).ToList();
        var progress = Console.IsErrorRedirected ? null : new ImportProgressLine(Console.Error);
        var summary = files.Count > 0 ? await importer.ImportAsync(files, progress, fetchImages, ct) : new ImportSummary(0, 0, 0, []);
        progress?.Clear();
        if (urls.Count > 0)
        {
            var pages = await host.Services.GetRequiredService<PageImporter>().ImportAsync(urls, ct);
            summary = summary with
            {
                Imported = summary.Imported + pages.Imported,
                Updated = summary.Updated + pages.Updated,
                Unchanged = summary.Unchanged + pages.Unchanged,
                Failed = [.. summary.Failed, .. pages.Failed],
                ImagesStored = summary.ImagesStored + pages.ImagesStored,
                ImagesFailed = summary.ImagesFailed + pages.ImagesFailed,
            };
        }

        if (json)
        {
            // The summary keeps the shape other tools read; image counts are added only when there were images.
            var fields = new Dictionary<string, object>
            {
                ["imported"] = summary.Imported,
                ["updated"] = summary.Updated,
                ["unchanged"] = summary.Unchanged,
                ["failed"] = summary.Failed.Select(f => new { path = f.Path, error = f.Error }).ToList(),
            };
            if (summary.ImagesStored + summary.ImagesFailed > 0)
            {
                fields["images_stored"] = summary.ImagesStored;
                fields["images_failed"] = summary.ImagesFailed;
            }

            Console.WriteLine(JsonSerializer.Serialize(fields, CliJson.Options));
        }
        else
        {
            Console.WriteLine($"{"imported",-10}{summary.Imported,8}");
            Console.WriteLine($"{"updated",-10}{summary.Updated,8}");
            Console.WriteLine($"{"unchanged",-10}{summary.Unchanged,8}");
            Console.WriteLine($"{"failed",-10}{summary.Failed.Count,8}");
            if (summary.ImagesStored + summary.ImagesFailed > 0)
            {
                Console.WriteLine($"images stored {summary.ImagesStored}, not stored {summary.ImagesFailed} (the articles are imported; `bot media list` says why, `bot media retry` tries again)");
            }

            foreach (var failure in summary.Failed)
            {
                Console.WriteLine($"  {failure.Path}: {failure.Error}");
            }
        }

        return summary.Failed.Count > 0 ? 1 : 0;
    }
}
