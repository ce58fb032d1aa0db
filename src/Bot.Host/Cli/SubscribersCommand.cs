using System.CommandLine;
using System.Text.Json;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`subscribers export [--json]` / `subscribers import FILE`: the subscription list, to move to a new bot token or server.</summary>
public static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "Export or import the subscription list (platform, chat, filters, state)");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Export()
    {
        var json = CliOptions.Json();
        var command = new Command("export", "Print every subscription: a table, or with --json the file `subscribers import` reads") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            var export = await host.Services.GetRequiredService<SubscriptionTransfer>().ExportAsync(ct);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(export, SubscriptionTransfer.Json));
                return 0;
            }

            Console.WriteLine($"{"PLATFORM",-9} {"CHAT",-22} {"KIND",-16} {"STATE",-9} FILTERS");
            foreach (var s in export.Subscriptions)
            {
                var state = !s.State.Active ? "inactive" : s.State.Paused ? "paused" : "active";
                var chat = s.Chat.Thread is null ? s.Chat.Id : s.Chat.Id + "/" + s.Chat.Thread;
                Console.WriteLine($"{s.Platform,-9} {chat,-22} {s.Chat.Kind,-16} {state,-9} {Filters(s.Filters)}");
            }

            Console.WriteLine($"{export.Subscriptions.Count} subscriptions. Use --json for a file that `subscribers import` reads.");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A file written by `subscribers export --json`, or - for standard input" };
        var command = new Command("import", "Add or update subscriptions from an export; chats not in the file are left alone") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(file);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            string text;
            try
            {
                text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Cannot read {path}: {e.Message}");
                return 1;
            }

            SubscriptionExport export;
            try
            {
                export = SubscriptionTransfer.Parse(text);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            using var host = await CliHost.OpenAsync(CliOptions.ConfigArgs(result), ct);
            try
            {
                var summary = await host.Services.GetRequiredService<SubscriptionTransfer>().ImportAsync(export, ct);
                Console.WriteLine($"Imported {export.Subscriptions.Count} subscriptions: {summary.Created} created, {summary.Updated} updated.");
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync("Nothing was imported: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    private static string Filters(FiltersRecord filters)
    {
        var parts = filters.Tags.Select(t => "tag:" + t).Concat(filters.Authors.Select(a => "author:" + a)).Concat(filters.Keywords.Select(k => "keyword:" + k)).ToList();
        return parts.Count == 0 ? "everything" : string.Join(' ', parts);
    }
}
