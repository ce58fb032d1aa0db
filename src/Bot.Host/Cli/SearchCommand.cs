using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Bot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`search &lt;query&gt; [--limit N] [--offset N] [--json]`: the readers' search from the command line.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Terms, \"phrases\", -exclusions, tag: author: since: until:", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Hits per page (at most 50)", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (paging)" };
        var json = CliOptions.Json();
        var command = new Command("search", "Search published articles as readers do") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(query);
        command.Options.Add(limit);
        command.Options.Add(offset);
        command.Options.Add(json);
        command.SetAction((result, ct) => RunAsync(
            new SearchRequest(string.Join(' ', result.GetValue(query) ?? []), result.GetValue(limit), result.GetValue(offset)),
            result.GetValue(json),
            CliOptions.ConfigArgs(result),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(SearchRequest request, bool json, string[] configArgs, CancellationToken ct)
    {
        using var host = await CliHost.OpenAsync(configArgs, ct);
        var result = await host.Services.GetRequiredService<ISearchService>().SearchAsync(request, ct);
        var error = result.Problem is { } problem ? MarkdownText.Unescape(UiText.English.SearchProblem(problem)) : null;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    total = result.Total,
                    hits = result.Hits.Select(h => new { id = h.ArticleId, title = h.Title, snippet = Marked(h), score = Math.Round(h.Score, 4) }),
                    error,
                },
                CliJson.Options));
        }
        else if (error is not null)
        {
            await Console.Error.WriteLineAsync(error);
        }
        else
        {
            foreach (var hit in result.Hits)
            {
                var date = hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
                Console.WriteLine($"{hit.ArticleId,6}  {date,-10}  {hit.Title}");
                Console.WriteLine($"{string.Empty,6}  {Marked(hit)}");
            }

            var shown = result.Hits.Count == 0 ? "none shown" : $"{request.Offset + 1}–{request.Offset + result.Hits.Count} shown";
            Console.WriteLine($"{result.Total} found ({shown})");
        }

        return error is null ? 0 : 1;
    }

    /// <summary>The snippet with each match in 【】, as a terminal cannot show bold.</summary>
    public static string Marked(SearchHit hit)
    {
        var text = new StringBuilder(hit.Snippet.Length + (hit.Highlights.Count * 2));
        var at = 0;
        foreach (var highlight in hit.Highlights.OrderBy(h => h.Start))
        {
            text.Append(hit.Snippet, at, highlight.Start - at).Append('【').Append(hit.Snippet, highlight.Start, highlight.Length).Append('】');
            at = highlight.Start + highlight.Length;
        }

        return text.Append(hit.Snippet, at, hit.Snippet.Length - at).ToString();
    }
}
