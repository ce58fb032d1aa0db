using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Commands.Handlers;

/// <summary>/tags: the most used tags, so readers know what to subscribe to.</summary>
public sealed class TagsHandler(IArticleStore articles) : ICommandHandler
{
    private const int Shown = 40;

    public CommandDescriptor Descriptor { get; } = new("tags", "Tags in the archive", "文章标签列表", []);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var tags = await articles.TagsAsync(ct);
        if (tags.Count == 0)
        {
            return CommandContext.Say(context.Text.NoTags);
        }

        var text = new StringBuilder(context.Text.TagsHeader).Append('\n');
        text.Append(UiText.TagCounts(tags.Take(Shown)));
        return CommandContext.Say(text.ToString());
    }
}
