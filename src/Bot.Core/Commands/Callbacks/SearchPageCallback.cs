using System.Globalization;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>"s:&lt;saved search id&gt;:&lt;offset&gt;": next/previous page, replacing the message that had the buttons.</summary>
public sealed class SearchPageCallback(SearchReplies replies, SqliteConversationStore store) : ICallbackHandler
{
    public string Prefix => "s";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string argument, CancellationToken ct)
    {
        var parts = argument.Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || await store.FindSearchAsync(id, ct) is not { } query)
        {
            return [new Reply.Text(context.Text.ButtonExpired, Ephemeral: true)];
        }

        return [await replies.PageAsync(query, offset, context.Text, replaceOriginal: true, ct)];
    }
}
