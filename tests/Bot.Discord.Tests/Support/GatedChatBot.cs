using System.Collections.Concurrent;
using Bot.Core.Chat;

namespace Bot.Discord.Tests.Support;

/// <summary>A hand-written IChatBot: records what the adapter passed and answers when the test says so.</summary>
public sealed class GatedChatBot : IChatBot
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedChatBot(bool released = true)
    {
        if (released)
        {
            _release.SetResult();
        }
    }

    public ConcurrentQueue<IncomingMessage> Messages { get; } = new();

    public ConcurrentQueue<CallbackRequest> Callbacks { get; } = new();

    public IReadOnlyList<Reply> Replies { get; set; } = [new Reply.Text("ok")];

    public Exception? Throw { get; set; }

    public void Release() => _release.TrySetResult();

    public async Task<IReadOnlyList<Reply>> HandleMessageAsync(IncomingMessage message, CancellationToken ct)
    {
        Messages.Enqueue(message);
        return await AnswerAsync(ct);
    }

    public async Task<IReadOnlyList<Reply>> HandleCallbackAsync(CallbackRequest callback, CancellationToken ct)
    {
        Callbacks.Enqueue(callback);
        return await AnswerAsync(ct);
    }

    private async Task<IReadOnlyList<Reply>> AnswerAsync(CancellationToken ct)
    {
        await _release.Task.WaitAsync(ct);
        return Throw is { } e ? throw e : Replies;
    }
}
