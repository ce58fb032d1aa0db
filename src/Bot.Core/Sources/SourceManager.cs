using Microsoft.Extensions.Options;

namespace Bot.Core.Sources;

/// <summary>The checks behind `sources add` and /addsource: a reachable-looking URL or an existing folder, a sane interval.</summary>
public sealed class SourceManager(ISourceStore store, IOptions<SourceOptions> options)
{
    /// <returns>The source, or a sentence saying what is wrong with the arguments.</returns>
    public async Task<(Source? Source, string? Error)> AddAsync(string urlOrFolder, string? every, bool fullText, bool review, IReadOnlyList<string> tags, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urlOrFolder);
        var interval = SourceInterval.Parse(every ?? options.Value.DefaultEvery);
        if (interval is null)
        {
            return (null, $"'{every}' is not an interval: write 30m, 2h or 1d");
        }

        if (interval.Value.TotalSeconds < options.Value.MinEverySeconds)
        {
            return (null, $"polling more often than every {SourceInterval.Format(TimeSpan.FromSeconds(options.Value.MinEverySeconds))} is not allowed (Sources:MinEverySeconds)");
        }

        var target = urlOrFolder.Trim();
        SourceKind kind;
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            kind = SourceKind.Feed;
            target = url.AbsoluteUri;
        }
        else if (target.Contains("://", StringComparison.Ordinal))
        {
            return (null, $"{target} is not an http or https URL");
        }
        else if (Directory.Exists(target))
        {
            kind = SourceKind.Folder;
            target = Path.GetFullPath(target);
            if (fullText)
            {
                return (null, "--full-text is for feeds; a folder's files are already full text");
            }
        }
        else
        {
            return (null, $"{target} is neither an http(s) URL nor an existing folder");
        }

        var cleanTags = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var source = await store.AddAsync(new NewSource(target, kind, interval.Value, fullText, review, cleanTags), ct);
        return source is null ? (null, $"{target} is already a source") : (source, null);
    }
}
