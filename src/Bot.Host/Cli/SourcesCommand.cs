using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bot.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`sources add|list|poll|remove|pause|resume`: the feeds and folders the bot polls.</summary>
public static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources", "Feeds and folders the bot polls for new articles");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Poll());
        command.Subcommands.Add(Change("remove", "Remove a source (its articles stay in the archive)", (store, id, ct) => store.RemoveAsync(id, ct), "removed"));
        command.Subcommands.Add(Change("pause", "Stop polling a source", (store, id, ct) => store.SetPausedAsync(id, true, ct), "paused"));
        command.Subcommands.Add(Change("resume", "Poll a paused source again (clears its failures)", (store, id, ct) => store.SetPausedAsync(id, false, ct), "resumed"));
        return command;
    }

    private static Command Add()
    {
        var target = new Argument<string>("url-or-folder") { Description = "A feed URL (RSS, Atom, JSON Feed) or a local folder of Markdown files" };
        var every = new Option<string?>("--every") { Description = "How often to poll: 30m, 2h, 1d (default Sources:DefaultEvery)" };
        var fullText = new Option<bool>("--full-text") { Description = "Fetch each new item's page and extract the article (for summary-only feeds)" };
        var review = new Option<bool>("--review") { Description = "Keep new items as drafts and send the admins a preview instead of publishing" };
        var tags = new Option<string[]>("--tag") { Description = "A tag given to every article of the source (repeatable)", AllowMultipleArgumentsPerToken = false };
        var json = CliOptions.Json();
        var command = new Command("add", "Add a feed or folder") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(target);
        command.Options.Add(every);
        command.Options.Add(fullText);
        command.Options.Add(review);
        command.Options.Add(tags);
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            var (source, error) = await host.Services.GetRequiredService<SourceManager>().AddAsync(
                result.GetValue(target)!, result.GetValue(every), result.GetValue(fullText), result.GetValue(review), result.GetValue(tags) ?? [], ct);
            if (source is null)
            {
                await Console.Error.WriteLineAsync(error);
                return 1;
            }

            Console.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(new { id = source.Id, url = source.Url, kind = Kind(source) }, CliJson.Options)
                : $"Source {source.Id} added: {source.Url} ({Kind(source)}, every {SourceInterval.Format(source.Every)}). Its first poll takes the backlog without pushing it.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = CliOptions.Json();
        var command = new Command("list", "List sources with their status") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            var sources = await host.Services.GetRequiredService<ISourceStore>().ListAsync(ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    sources.Select(s => new
                    {
                        id = s.Id,
                        url = s.Url,
                        kind = Kind(s),
                        every = SourceInterval.Format(s.Every),
                        full_text = s.FullText,
                        review = s.Review,
                        paused = s.Paused,
                        last_polled = s.LastPolled,
                        last_status = s.LastStatus,
                        last_error = s.LastError,
                        articles = s.Articles,
                    }),
                    CliJson.Options));
                return 0;
            }

            if (sources.Count == 0)
            {
                Console.WriteLine("No sources. Add one with: bot sources add <url-or-folder>");
                return 0;
            }

            Console.WriteLine($"{"id",4}  {"kind",-6} {"every",-6} {"status",-13} {"articles",8}  url");
            foreach (var s in sources)
            {
                var status = s.Paused ? "paused" : s.LastStatus ?? "never polled";
                Console.WriteLine($"{s.Id,4}  {Kind(s),-6} {SourceInterval.Format(s.Every),-6} {status,-13} {s.Articles,8}  {s.Url}");
                if (s.LastError is { } error)
                {
                    Console.WriteLine($"      last error: {error}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Poll()
    {
        var json = CliOptions.Json();
        var command = new Command("poll", "Poll every source now, once, and exit (exit 1 if any failed)") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            var results = await host.Services.GetRequiredService<SourcePoller>().PollDueAsync(force: true, ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        sources = results.Select(r => new
                        {
                            id = r.Id,
                            url = r.Url,
                            @new = r.New,
                            updated = r.Updated,
                            unchanged = r.Unchanged,
                            failed = r.Failed,
                            status = r.Status,
                            error = r.Error,
                        }),
                    },
                    CliJson.Options));
            }
            else
            {
                foreach (var r in results)
                {
                    Console.WriteLine($"{r.Id,4}  {r.Status,-13} new {r.New}, updated {r.Updated}, unchanged {r.Unchanged}, failed {r.Failed}  {r.Url}");
                    if (r.Error is { } error)
                    {
                        Console.WriteLine($"      {error}");
                    }
                }
            }

            return results.Any(r => r.Status is "failed" or "paused") ? 1 : 0;
        });
        return command;
    }

    private static Command Change(string name, string description, Func<ISourceStore, long, CancellationToken, Task<bool>> change, string done)
    {
        var id = new Argument<long>("id") { Description = "The source's number (sources list)" };
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(id);
        command.SetAction(async (result, ct) =>
        {
            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            var sourceId = result.GetValue(id);
            if (!await change(host.Services.GetRequiredService<ISourceStore>(), sourceId, ct))
            {
                await Console.Error.WriteLineAsync($"No source {sourceId.ToString(CultureInfo.InvariantCulture)}.");
                return 1;
            }

            Console.WriteLine($"Source {sourceId.ToString(CultureInfo.InvariantCulture)} {done}.");
            return 0;
        });
        return command;
    }

    private static string Kind(Source source) => source.Kind == SourceKind.Feed ? "feed" : "folder";
}
