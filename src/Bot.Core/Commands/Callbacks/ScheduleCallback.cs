using System.Globalization;
using Bot.Core.Commands.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>"sch:id": the preview's Schedule button asks for a time; the next message is read as that time.</summary>
public sealed class ScheduleCallback(SqliteConversationStore conversations, ScheduleReplies schedule) : ICallbackHandler
{
    public string Prefix => "sch";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, string argument, CancellationToken ct)
    {
        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return [new Reply.Text(context.Text.ButtonExpired, Ephemeral: true)];
        }

        var callback = context.Callback;
        await conversations.SetAsync(callback.Chat, callback.User, new Conversation(ConversationState.AwaitingScheduleTime, id.ToString(CultureInfo.InvariantCulture)), ct);
        return [new Reply.Text(context.Text.ScheduleAsk(id, schedule.Zone.Id))];
    }
}
