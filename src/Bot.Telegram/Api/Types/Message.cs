namespace Bot.Telegram.Api.Types;

public sealed record Message(
    long MessageId,
    Chat Chat,
    long Date = 0,
    User? From = null,
    Chat? SenderChat = null,
    string? Text = null,
    string? Caption = null,
    Document? Document = null,
    long? MessageThreadId = null,
    bool? IsTopicMessage = null,
    long? MigrateToChatId = null);
