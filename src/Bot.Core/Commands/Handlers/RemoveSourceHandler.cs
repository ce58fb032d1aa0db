using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Sources;

namespace Bot.Core.Commands.Handlers;

/// <summary>/removesource &lt;id&gt; (admins): stop following a source; its articles stay.</summary>
public sealed class RemoveSourceHandler(ISourceStore sources) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "removesource", "Stop following a source: /removesource <id> (admins)", "删除订阅源：/removesource <编号>（管理员）",
        [new(OptionNames.Id, CommandOptionType.Number, true, "The source's number (see /sources)", "订阅源编号（见 /sources）")],
        AdminOnly: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (!long.TryParse(context.ArgumentOr(OptionNames.Id).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return CommandContext.Say(context.Text.RemoveSourceUsage);
        }

        return CommandContext.Say(await sources.RemoveAsync(id, ct) ? context.Text.SourceRemoved(id) : context.Text.SourceNotFound(id));
    }
}
