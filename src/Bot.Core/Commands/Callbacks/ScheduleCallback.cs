using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Commands.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Commands.Callbacks;

/// <summary>The preview's Schedule button (admins) asks for a time; the next message is read as that time.</summary>
public sealed class ScheduleCallback(SqliteConversationStore conversations, ScheduleReplies schedule) : CallbackHandler<SchedulePayload>
{
    public override bool AdminOnly => true;

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CallbackContext context, SchedulePayload payload, CancellationToken ct)
    {
        var id = payload.ArticleId;
        var callback = context.Callback;
        await conversations.SetAsync(callback.Chat, callback.User, new Conversation(ConversationState.AwaitingScheduleTime, id.ToString(CultureInfo.InvariantCulture)), ct);
        return [new Reply.Text(context.Text.ScheduleAsk(id, schedule.Zone))];
    }
}
