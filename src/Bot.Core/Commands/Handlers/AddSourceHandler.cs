using Bot.Core.Chat;
using Bot.Core.Sources;

namespace Bot.Core.Commands.Handlers;

/// <summary>/addsource &lt;url&gt; [every] (admins): a feed the bot polls; its backlog is archived without being pushed.</summary>
public sealed class AddSourceHandler(SourceManager manager) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "addsource", "Follow a feed: /addsource <url> [every] (admins)", "添加订阅源：/addsource <网址> [间隔]（管理员）",
        [
            new(OptionNames.Url, CommandOptionType.Text, true, "The feed's URL (RSS, Atom or JSON Feed)", "订阅源网址（RSS、Atom 或 JSON Feed）"),
            new(OptionNames.Every, CommandOptionType.Text, false, "How often to poll: 30m, 2h, 1d", "抓取间隔：30m、2h、1d"),
        ],
        AdminOnly: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var words = context.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var url = context.Option(OptionNames.Url) ?? words.ElementAtOrDefault(0);
        var every = context.Option(OptionNames.Every) ?? words.ElementAtOrDefault(1);
        // Chat adds feeds only: a folder path typed in a chat would name a folder on the bot's machine.
        if (string.IsNullOrWhiteSpace(url) || !PageImporter.IsUrl(url))
        {
            return CommandContext.Say(context.Text.AddSourceUsage);
        }

        var (source, error) = await manager.AddAsync(url, every, fullText: false, review: false, [], ct);
        return source is null
            ? CommandContext.Say(context.Text.SourceAddFailed(error ?? string.Empty))
            : CommandContext.Say(context.Text.SourceAdded(source.Id, source.Url, "feed", SourceInterval.Format(source.Every)));
    }
}
