namespace Bot.Core.Commands.Conversations;

public enum ConversationState
{
    AwaitingPost,
    AwaitingScheduleTime,
}

/// <param name="Data">The state's argument (the draft's id while awaiting a schedule time).</param>
public sealed record Conversation(ConversationState State, string? Data);
