using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>Next / previous page of search results (anyone), replacing the message that had the buttons.</summary>
public sealed class SearchPageCallback(SearchReplies replies, SqliteSavedSearches searches) : CallbackHandler<SearchPagePayload>
{
    public override bool AdminOnly => false;

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, SearchPagePayload payload, CancellationToken ct)
    {
        if (await searches.FindAsync(payload.SearchId, ct) is not { } query)
        {
            return [new Reply.Text(context.Text.ButtonExpired, Ephemeral: true)];
        }

        return [await replies.PageAsync(query, payload.Offset, context.Text, replaceOriginal: true, ct)];
    }
}
