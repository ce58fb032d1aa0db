using System.Text;
using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Localization;
using Bot.Core.Search;
using Bot.Core.Storage;

namespace Bot.Core.Commands;

/// <summary>One page of search results with previous/next buttons, shared by /search and its paging buttons.</summary>
public sealed class SearchReplies(ISearchService search, SqliteSavedSearches searches)
{
    public const int PageSize = 5;

    /// <summary>Telegram limits a message to 4096 characters; a search query is shown in the reply, so keep it short there.</summary>
    private const int MaxQueryShown = 200;

    public async Task<Reply.Text> PageAsync(string query, int offset, UiText text, bool replaceOriginal, CancellationToken ct)
    {
        var result = await search.SearchAsync(new SearchRequest(query, PageSize, offset), ct);
        var shown = query.Length > MaxQueryShown ? query[..MaxQueryShown] + "…" : query;
        if (result.Problem is { } problem)
        {
            return new Reply.Text(text.SearchProblem(problem), ReplaceOriginal: replaceOriginal);
        }

        if (result.Total == 0 || result.Hits.Count == 0)
        {
            return new Reply.Text(text.SearchNoResults(shown), ReplaceOriginal: replaceOriginal);
        }

        var body = new StringBuilder(text.SearchHeader(shown, result.Total, offset + 1, offset + result.Hits.Count));
        foreach (var hit in result.Hits)
        {
            body.Append("\n\n").Append(text.Hit(hit));
        }

        var buttons = new List<ReplyButton>();
        if (offset > 0 || offset + result.Hits.Count < result.Total)
        {
            var id = await searches.SaveAsync(query, ct);
            if (offset > 0)
            {
                buttons.Add(new ReplyButton(text.PreviousButton, SearchPagePayload.Create(id, Math.Max(0, offset - PageSize))));
            }

            if (offset + result.Hits.Count < result.Total)
            {
                buttons.Add(new ReplyButton(text.NextButton, SearchPagePayload.Create(id, offset + PageSize)));
            }
        }

        return new Reply.Text(body.ToString(), buttons.Count > 0 ? [buttons] : null, ReplaceOriginal: replaceOriginal);
    }
}
