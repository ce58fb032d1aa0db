using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Host.Cli.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`articles show ID [--json]`: one article with its metadata and body.</summary>
public static class ArticlesShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The article's number (as in /read 42)" };
        var json = CliOptions.Json();
        var command = new Command("show", "Show one article with its metadata") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction((result, ct) => RunAsync(result.GetValue(id), result.GetValue(json), CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(long id, bool json, string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var article = await host.Services.GetRequiredService<IArticleStore>().GetAsync(id, ct);
        if (article is null)
        {
            await Console.Error.WriteLineAsync($"No article {id}.");
            return 1;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    id = article.Id,
                    slug = article.Slug,
                    title = article.Title,
                    author = article.Author,
                    published = article.Published,
                    updated = article.Updated,
                    tags = article.Tags,
                    categories = article.Categories,
                    summary = article.Summary,
                    source_url = article.SourceUrl,
                    source_id = article.SourceId,
                    source = article.SourceFile ?? (article.SourceId is null ? null : article.SourceUrl),
                    language = article.Language,
                    state = article.State.ToString().ToLowerInvariant(),
                    content_hash = article.ContentHash,
                    extra = article.Extra,
                    body = article.Body,
                    media = article.Images.Select(MediaJson.Entry),
                },
                CliJson.Options));
            return 0;
        }

        Console.WriteLine(article.Title);
        Console.WriteLine(new string('=', Math.Min(60, article.Title.Length * 2)));
        Line("id", article.Id.ToString(CultureInfo.InvariantCulture));
        Line("state", article.State.ToString().ToLowerInvariant());
        Line("author", article.Author);
        Line("published", article.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        Line("updated", article.Updated?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        Line("tags", string.Join(", ", article.Tags));
        Line("categories", string.Join(", ", article.Categories));
        Line("summary", article.Summary);
        Line("source url", article.SourceUrl);
        Line("source file", article.SourceFile);
        Line("language", article.Language);
        foreach (var (key, value) in article.Extra)
        {
            Line(key, value);
        }

        foreach (var image in article.Images)
        {
            Line("image", image.Stored is { } stored
                ? $"{stored.Sha256} {stored.ContentType} {stored.Width}×{stored.Height} {image.Url}"
                : $"not stored ({image.Error ?? "not tried yet"}) {image.Url}");
        }

        Console.WriteLine();
        Console.WriteLine(article.Body);
        return 0;
    }

    private static void Line(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Console.WriteLine($"{label + ":",-13}{value}");
        }
    }
}
