using System.CommandLine;
using Bot.Core.Links;
using Bot.Web;
using Bot.Web.Localization;
using Bot.Web.Static;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>`export-site DIR`: the archive as static files with relative links; a second run rewrites only what changed.</summary>
public static class ExportSiteCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The folder to write the site into (created if missing)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where this copy is published (for feeds and the sitemap); default Web:PublicUrl" };
        var language = new Option<string?>("--lang") { Description = "Page language, zh or en; default Web:DefaultLanguage" };
        var command = new Command("export-site", "Write the whole archive as a static site (pages, feeds, sitemap, media) to DIR") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(folder);
        command.Options.Add(baseUrl);
        command.Options.Add(language);
        command.SetAction((result, ct) => RunAsync(result.GetValue(folder)!, result.GetValue(baseUrl), result.GetValue(language), CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo folder, string? baseUrl, string? language, string[] configArgs, CancellationToken ct)
    {
        if (language is not null and not ("zh" or "en"))
        {
            await Console.Error.WriteLineAsync("--lang must be zh or en.");
            return 2;
        }

        Uri? publicBase = null;
        if (baseUrl is not null && (publicBase = ArticleLinks.ParseBase(baseUrl)) is null or { Scheme: not ("http" or "https") })
        {
            await Console.Error.WriteLineAsync($"--base-url '{baseUrl}' is not an absolute http(s) address.");
            return 2;
        }

        using var host = await CliHost.OpenAsync(configArgs, ct);
        var services = host.Services;
        publicBase ??= services.GetRequiredService<ArticleLinks>().PublicBase;
        var lang = AcceptLanguage.Parse(language ?? services.GetRequiredService<IOptions<WebArchiveOptions>>().Value.DefaultLanguage);
        var summary = await services.GetRequiredService<SiteExporter>().ExportAsync(folder.FullName, publicBase, lang, ct);
        Console.WriteLine($"Exported to {folder.FullName}: {summary.Written} written, {summary.Unchanged} unchanged, {summary.Removed} removed.");
        if (!summary.HasFeeds)
        {
            Console.WriteLine("No feeds or sitemap: they need absolute links. Set Web:PublicUrl or pass --base-url to include them.");
        }

        return 0;
    }
}
