using System.Text.RegularExpressions;
using Bot.Core.Commands;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands;

/// <summary>
/// Adapters know commands only through their descriptors: no string literal in src/Bot.Telegram,
/// src/Bot.Discord or src/Bot.Host names a chat command ("post", "/subscribe ") or starts with a
/// button's payload kind ("pub:").
/// </summary>
public sealed partial class AdapterCommandNameTests : IAsyncLifetime
{
    private static readonly string[] Adapters = ["src/Bot.Telegram", "src/Bot.Discord", "src/Bot.Host"];

    // The `bot` executable's own verbs (bot search, bot stats) are CLI commands, not chat commands.
    private static readonly string[] NotChat = ["src/Bot.Host/Cli/"];

    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void NoAdapter_NamesACommandOrAPayloadKind()
    {
        var detector = Detector();
        var found = new List<string>();
        var scanned = 0;
        foreach (var adapter in Adapters)
        {
            var folder = Path.Combine(SharedData.RepoRoot, adapter);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(SharedData.RepoRoot, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || NotChat.Any(relative.StartsWith))
                {
                    continue;
                }

                scanned++;
                found.AddRange(detector.Find(File.ReadAllText(file)).Select(hit => $"{relative}: {hit}"));
            }
        }

        Assert.True(scanned > 50, $"only {scanned} adapter files found under {SharedData.RepoRoot}");
        Assert.True(found.Count == 0, "Adapters must read descriptors, not names:\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("else if (name == \"post\" && IsAdmin(interaction))", "\"post\"")]
    [InlineData("private static readonly HashSet<string> PublicCommands = new() { \"subscribe\", \"pause\" };", "\"subscribe\"")]
    [InlineData("if (line.StartsWith(\"/post \", StringComparison.Ordinal))", "\"/post \"")]
    [InlineData("if (payload.StartsWith(\"pub:\", StringComparison.Ordinal))", "\"pub:\"")]
    [InlineData("const string PostModalId = \"post:modal\";", "\"post:modal\"")]
    public void Detector_FindsWhatItLooksFor(string code, string literal) =>
        Assert.Contains(Detector().Find(code), hit => hit.Contains(literal, StringComparison.Ordinal));

    [Theory]
    [InlineData("// \"post\" in a comment is fine")]
    [InlineData("var url = \"https://t.me/\" + name;")]
    [InlineData("Type == \"channel\"")]
    [InlineData("var text = \"/posting\";")]
    public void Detector_IgnoresOtherText(string code) => Assert.Empty(Detector().Find(code));

    private CommandDetector Detector() => new(
        [.. _bot.Services.GetRequiredService<CommandCatalog>().All.Select(c => c.Name)],
        [.. _bot.Services.GetServices<ICallbackHandler>().Select(c => c.Kind)]);

    private sealed partial class CommandDetector(IReadOnlyList<string> names, IReadOnlyList<string> kinds)
    {
        public IEnumerable<string> Find(string source)
        {
            var code = Comment().Replace(source, string.Empty);
            foreach (Match literal in Literal().Matches(code))
            {
                var text = literal.Groups[1].Value;
                var bare = text.StartsWith('/') ? text[1..] : text;
                if (names.Any(name => bare == name || (bare.StartsWith(name, StringComparison.Ordinal) && bare.Length > name.Length && bare[name.Length] is ' ' or ':' or '@'))
                    || kinds.Any(kind => text.StartsWith(kind + ":", StringComparison.Ordinal)))
                {
                    yield return literal.Value;
                }
            }
        }

        // A comment: "//" at the start of a line or after white space (not the "//" of "https://").
        [GeneratedRegex(@"(^|\s)//.*$", RegexOptions.Multiline)]
        private static partial Regex Comment();

        [GeneratedRegex(@"""((?:[^""\\\n]|\\.)*)""")]
        private static partial Regex Literal();
    }
}
