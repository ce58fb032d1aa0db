using Bot.Core.Chat;

namespace Bot.Core.Commands;

/// <summary>
/// Every command the bot knows, built from the registered handlers' descriptors: /help, Telegram's
/// setMyCommands and Discord's command registration all come from here, in English and Chinese.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, CommandDescriptor> _byName;

    public CommandCatalog(IEnumerable<ICommandHandler> handlers)
        : this(handlers.Select(h => h.Descriptor))
    {
    }

    public CommandCatalog(IEnumerable<CommandDescriptor> descriptors)
    {
        All = [.. descriptors];
        _byName = new Dictionary<string, CommandDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in All)
        {
            if (!_byName.TryAdd(descriptor.Name, descriptor))
            {
                throw new InvalidOperationException($"Two command handlers are named /{descriptor.Name}.");
            }
        }
    }

    /// <summary>In registration order, which is the order /help and the menus show.</summary>
    public IReadOnlyList<CommandDescriptor> All { get; }

    public CommandDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The commands that exist on one platform.</summary>
    public IReadOnlyList<CommandDescriptor> On(Platform platform) => [.. All.Where(c => c.IsOn(platform))];
}
