using Bot.Core.Articles;
using Bot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosting;

/// <summary>On the very first run without any platform, fills the archive with the project's sample articles so the console chat has something to show.</summary>
public static class SampleArticles
{
    private const string DoneKey = "samples:imported";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static async Task<int> ImportOnFirstRunAsync(IHost host, CancellationToken ct)
    {
        var state = host.Services.GetRequiredService<IBotStateStore>();
        if (await state.GetAsync(DoneKey, ct) is not null || !Directory.Exists(Folder))
        {
            return 0;
        }

        var store = host.Services.GetRequiredService<IArticleStore>();
        if ((await store.ListAsync(ct)).Count > 0)
        {
            await state.SetAsync(DoneKey, "skipped: archive not empty", ct);
            return 0;
        }

        var parser = host.Services.GetRequiredService<IArticleParser>();
        var logger = host.Services.GetRequiredService<ILogger<IArticleStore>>();
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal))
        {
            var result = parser.Parse(Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct));
            if (result.Article is null)
            {
                logger.LogWarning("Sample {File} was not imported: {Error}", Path.GetFileName(file), result.Error);
                continue;
            }

            await store.ImportAsync(result.Article with { SourceFile = "samples/" + Path.GetFileName(file) }, ct);
            imported++;
        }

        await state.SetAsync(DoneKey, imported.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return imported;
    }
}
