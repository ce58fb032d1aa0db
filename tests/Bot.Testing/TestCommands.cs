using Bot.Core;
using Bot.Core.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>The real command catalogue, built from the handlers AddBotCore registers, for adapter tests that fake Core's IChatBot.</summary>
public static class TestCommands
{
    private static readonly Lazy<CommandCatalog> Shared = new(Build);

    public static CommandCatalog Catalog => Shared.Value;

    private static CommandCatalog Build()
    {
        // The handlers are only constructed, never run: the database file is never opened.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(Path.GetTempPath(), "bot-catalog-never-opened.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotCore(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<CommandCatalog>();
    }
}
