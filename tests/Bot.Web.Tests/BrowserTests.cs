using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bot.Web.Tests;

/// <summary>Finds the system's Chromium (Debian's chromium package); browser tests skip with a clear reason without one.</summary>
internal static class SystemBrowser
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("BOT_TEST_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    public const string SkipReason = "No Chromium found (/usr/bin/chromium; install it with `apt-get install -y chromium`, as .ci/run does, or set BOT_TEST_CHROMIUM): the real-browser tests are skipped.";
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (SystemBrowser.ExecutablePath is null)
        {
            Skip = SystemBrowser.SkipReason;
        }
    }
}

/// <summary>
/// The archive in a real headless Chromium at phone and desktop widths: no sideways scrolling, nothing
/// requested from outside loopback, no script errors, the title and text visible. Screenshots go to a
/// temporary folder (its path is printed), never into the repository.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task HomeArticleAndSearch_LookRight_AtPhoneAndDesktopWidths()
    {
        await using var server = await WebArchiveServer.StartAsync();
        var shots = Directory.CreateTempSubdirectory("bot-browser-shots-").FullName;
        output.WriteLine("Screenshots: " + shots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SystemBrowser.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });

        var pages = new (string Name, string Path, string Heading, string Text)[]
        {
            ("home", "/", "最新", "普京访问平壤"),
            ("article", $"/articles/{server.Ids["putin"]}", "普京访问平壤", "金正恩"),
            ("long-words", $"/articles/{server.Ids["metoo"]}", "The MeToo movement in China", "Pneumonoultramicroscopicsilicovolcanoconiosis"),
            ("hostile", $"/articles/{server.Ids["hostile"]}", "Hostile", "Harmless opening words"),
            ("search", "/search?q=" + Uri.EscapeDataString("朝鲜"), "搜索", "填充文章"),
        };

        foreach (var width in new[] { 390, 1280 })
        {
            foreach (var (name, path, heading, text) in pages)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = 844 },
                    Locale = "zh-CN",
                });
                var page = await context.NewPageAsync();
                var requests = new List<string>();
                var errors = new List<string>();
                page.Request += (_, request) => requests.Add(request.Url);
                page.PageError += (_, error) => errors.Add("page error: " + error);
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add("console: " + message.Text);
                    }
                };

                var response = await page.GotoAsync(new Uri(server.BaseUri, path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                Assert.Equal(200, response!.Status);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{name}-{width}.png"), FullPage = true });

                var where = $"{name} at {width}px";
                Assert.True(errors.Count == 0, where + ": " + string.Join("; ", errors));
                Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback, $"{where} requested {url}"));
                Assert.Contains(requests, url => url.Contains("/site.css", StringComparison.Ordinal));

                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                var viewport = await page.EvaluateAsync<int>("window.innerWidth");
                Assert.True(scrollWidth <= viewport, $"{where}: page is {scrollWidth}px wide in a {viewport}px window");

                Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()), where + ": no title");
                var h1 = page.Locator("h1").First;
                Assert.True(await h1.IsVisibleAsync(), where + ": heading not visible");
                Assert.Contains(heading, await h1.InnerTextAsync(), StringComparison.Ordinal);
                Assert.True(await page.GetByText(text).First.IsVisibleAsync(), $"{where}: '{text}' not visible");

                // The stylesheet applied: the body is not the browser's default serif at 8px margins.
                Assert.Equal("0px", await page.EvaluateAsync<string>("getComputedStyle(document.body).marginTop"));
            }
        }
    }
}
