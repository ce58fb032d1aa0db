namespace Bot.Core.Commands.Handlers;

/// <summary>/search query: the first page of results with paging buttons.</summary>
public sealed class SearchHandler(SearchReplies replies) : ICommandHandler
{
    public string Name => "search";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var query = context.ArgumentOr("query");
        if (string.IsNullOrWhiteSpace(query))
        {
            return CommandContext.Say(context.Text.SearchUsage);
        }

        return [await replies.PageAsync(query, 0, context.Text, replaceOriginal: false, ct)];
    }
}
