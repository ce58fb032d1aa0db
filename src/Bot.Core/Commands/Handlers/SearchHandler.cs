using Bot.Core.Chat;

namespace Bot.Core.Commands.Handlers;

/// <summary>/search query: the first page of results with paging buttons.</summary>
public sealed class SearchHandler(SearchReplies replies) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "search", "Search the archive", "搜索文章",
        [new(OptionNames.Query, CommandOptionType.Text, true, "Words, \"phrases\", -exclude, tag:, author:, since:, until:", "关键词、\"短语\"、-排除、tag:、author:、since:、until:", OptionSuggestions.SearchQuery)]);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var query = context.ArgumentOr(OptionNames.Query);
        if (string.IsNullOrWhiteSpace(query))
        {
            return CommandContext.Say(context.Text.SearchUsage);
        }

        return [await replies.PageAsync(query, 0, context.Text, replaceOriginal: false, ct)];
    }
}
