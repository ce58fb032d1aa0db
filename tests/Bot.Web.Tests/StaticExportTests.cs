using System.Text.RegularExpressions;
using Bot.Core.Localization;
using Bot.Web.Static;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests;

public sealed partial class StaticExportTests : IAsyncLifetime
{
    private WebArchiveServer _server = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _server = await WebArchiveServer.StartAsync();
        _folder = Directory.CreateTempSubdirectory("bot-export-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://mirror.example.org/")]
    public async Task EveryInternalLinkOfEveryPage_ResolvesToAFile(string? publicBase)
    {
        var summary = await ExportAsync(publicBase);

        var pages = Directory.EnumerateFiles(_folder, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 20, $"{pages.Count} pages");
        Assert.True(File.Exists(Path.Combine(_folder, "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "tags", "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "archive", "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "archive", "2024-06.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "articles", $"{_server.Ids["putin"]}.html")));
        Assert.Equal(publicBase is not null, File.Exists(Path.Combine(_folder, "feed.atom")));
        Assert.Equal(publicBase is not null, File.Exists(Path.Combine(_folder, "sitemap.xml")));
        Assert.Equal(publicBase is not null, summary.HasFeeds);

        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var html = await File.ReadAllTextAsync(page);
            foreach (Match match in Link().Matches(html))
            {
                var href = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value);
                if (href.StartsWith('#') || Uri.TryCreate(href, UriKind.Absolute, out _))
                {
                    continue;
                }

                Assert.False(href.StartsWith('/'), $"{page}: root-relative link {href} breaks in a copy served from a folder");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(href.Split('?', '#')[0])));
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(_folder, page)} links to {href}, which is not a file");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 200, $"{checkedLinks} links checked");
        var home = await File.ReadAllTextAsync(Path.Combine(_folder, "index.html"));
        Assert.Contains("This is a static copy of the archive.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", home, StringComparison.Ordinal);
        Assert.Contains("https://t.me/backup_channel", home, StringComparison.Ordinal);
        RouteTests.AssertHarmless("<form></form>" + await File.ReadAllTextAsync(Path.Combine(_folder, "articles", $"{_server.Ids["hostile"]}.html")));
    }

    [Fact]
    public async Task SecondRun_RewritesOnlyWhatChanged_AndRemovesWhatIsGone()
    {
        var first = await ExportAsync("https://mirror.example.org/");
        Assert.Equal(0, first.Unchanged);
        var hand = Path.Combine(_folder, "CNAME");
        await File.WriteAllTextAsync(hand, "mirror.example.org");

        var second = await ExportAsync("https://mirror.example.org/");
        Assert.Equal(0, second.Written);
        Assert.Equal(first.Written, second.Unchanged);

        // One article's text changes: its page and the feeds that carry it change, the other articles' pages do not.
        var putin = Path.Combine(_folder, "articles", $"{_server.Ids["putin"]}.html");
        var metoo = Path.Combine(_folder, "articles", $"{_server.Ids["metoo"]}.html");
        var metooWritten = File.GetLastWriteTimeUtc(metoo);
        await _server.ImportAsync("metoo.md", """
            ---
            title: The MeToo movement in China
            author: Reporter B
            date: 2023-01-05 09:00:00 +00:00
            tags: [MeToo, C#]
            ---

            A corrected text.
            """);
        var third = await ExportAsync("https://mirror.example.org/");
        Assert.InRange(third.Written, 1, 12);
        Assert.Contains("A corrected text.", await File.ReadAllTextAsync(metoo), StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(metoo) >= metooWritten);
        Assert.True(File.Exists(putin));

        // A tag nobody uses any more: its pages are removed; a file the publisher added is left alone.
        await _server.ImportAsync("metoo.md", "---\ntitle: The MeToo movement in China\ndate: 2023-01-05 09:00:00 +00:00\ntags: [MeToo]\n---\n\nA corrected text.\n");
        var fourth = await ExportAsync("https://mirror.example.org/");
        Assert.True(fourth.Removed >= 1);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "tags"), "c-*"));
        Assert.True(File.Exists(hand));
    }

    private Task<ExportSummary> ExportAsync(string? publicBase) =>
        _server.Services.GetRequiredService<SiteExporter>().ExportAsync(_folder, publicBase is null ? null : new Uri(publicBase), Language.English, CancellationToken.None);

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Link();
}
