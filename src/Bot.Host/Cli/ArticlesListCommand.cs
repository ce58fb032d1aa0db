using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`articles list [--json]`: every article (any state) by id.</summary>
public static class ArticlesListCommand
{
    public static Command Create()
    {
        var json = CliOptions.Json();
        var command = new Command("list", "List every article by id") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction((result, ct) => RunAsync(result.GetValue(json), CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var articles = await host.Services.GetRequiredService<IArticleStore>().ListAsync(ct);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                articles.Select(a => new
                {
                    id = a.Id,
                    title = a.Title,
                    author = a.Author,
                    published = a.Published,
                    tags = a.Tags,
                    source = a.SourceFile,
                }),
                CliJson.Options));
            return 0;
        }

        // Titles go last: CJK characters are two columns wide, so anything after them would not line up.
        foreach (var article in articles)
        {
            var state = article.State == ArticleState.Published ? string.Empty : $"[{article.State.ToString().ToLowerInvariant()}] ";
            var date = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
            var author = article.Author is null ? string.Empty : $" · {article.Author}";
            var tags = article.Tags.Count == 0 ? string.Empty : $" #{string.Join(" #", article.Tags)}";
            Console.WriteLine($"{article.Id,6}  {date,-10}  {state}{article.Title}{author}{tags}");
        }

        Console.WriteLine($"{articles.Count} articles");
        return 0;
    }
}
