using Bot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands;

/// <summary>The catalogue is exactly the registered handlers' descriptors, each complete in both languages.</summary>
public sealed class CommandCatalogTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CommandCatalog Catalog => _bot.Services.GetRequiredService<CommandCatalog>();

    private List<ICommandHandler> Handlers => [.. _bot.Services.GetServices<ICommandHandler>()];

    [Fact]
    public void Catalog_MatchesTheRegisteredHandlersOneToOne()
    {
        var handlers = Handlers;

        Assert.Equal(handlers.Select(h => h.Descriptor), Catalog.All);
        Assert.Equal(handlers.Count, handlers.Select(h => h.Descriptor.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(handlers, h => Assert.Same(h.Descriptor, Catalog.Find(h.Descriptor.Name.ToUpperInvariant())));
    }

    [Fact]
    public void EveryDescriptor_HasBothLanguages()
    {
        Assert.All(Catalog.All, command =>
        {
            AssertEnglish(command.DescriptionEn, command.Name);
            AssertChinese(command.DescriptionZh, command.Name);
            Assert.All(command.Options, option =>
            {
                AssertEnglish(option.DescriptionEn, $"{command.Name} {option.Name}");
                AssertChinese(option.DescriptionZh, $"{command.Name} {option.Name}");
            });
        });
    }

    [Fact]
    public void EveryName_CanBeTypedAndRegistered()
    {
        Assert.All(Catalog.All, command =>
        {
            // What CommandLine reads, and what Telegram (1-32 of a-z0-9_) and Discord accept.
            Assert.Matches("^[a-z0-9_]{1,32}$", command.Name);
            Assert.Equal(command.Name, CommandLine.Parse("/" + command.Name, null)!.Name);
            Assert.All(command.Options, option => Assert.Matches("^[a-z0-9_]{1,32}$", option.Name));
            Assert.Equal(command.Options.Count, command.Options.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Fact]
    public void ButtonKinds_AreUnique()
    {
        var kinds = _bot.Services.GetServices<ICallbackHandler>().Select(c => c.Kind).ToList();

        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(kinds, kind => Assert.DoesNotContain(':', kind));
    }

    [Fact]
    public void TwoHandlersWithOneName_AreRefusedAtStart()
    {
        var help = Catalog.Find("help")!;

        Assert.Throws<InvalidOperationException>(() => new CommandCatalog([help, help with { DescriptionEn = "again" }]));
    }

    private static void AssertEnglish(string text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what}: no English description");
        Assert.DoesNotContain(text, c => c >= '\u4e00' && c <= '\u9fff');
    }

    private static void AssertChinese(string text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what}: no Chinese description");
        Assert.Contains(text, c => c >= '\u4e00' && c <= '\u9fff');
    }
}
