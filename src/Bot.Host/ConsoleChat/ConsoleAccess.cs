using Bot.Core.Chat;

namespace Bot.Host.ConsoleChat;

/// <summary>The console is one private chat whose user owns the machine; there are no other chats to manage.</summary>
public sealed class ConsoleAccess : IChatAccess
{
    public static ConsoleAccess Instance { get; } = new();

    public Task<bool> CanManageChatAsync(CancellationToken ct) => Task.FromResult(true);

    public Task<ChatResolution> ResolveManagedChatAsync(string reference, CancellationToken ct) =>
        Task.FromResult<ChatResolution>(new ChatResolution.Refused(ChatRefusal.NotSupported));
}
