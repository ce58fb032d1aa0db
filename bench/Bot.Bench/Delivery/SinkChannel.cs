using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;

namespace Bot.Bench.Delivery;

/// <summary>A platform with no limits and no latency: what is left to measure is the pipeline itself.</summary>
internal sealed class SinkChannel(int expected) : IDeliveryChannel
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    public Platform Platform => Platform.Telegram;

    public int Sent => Volatile.Read(ref _sent);

    public Task Done => _done.Task;

    public int CountParts(Article article) => 1;

    public Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _sent) >= expected)
        {
            _done.TrySetResult();
        }

        return Task.FromResult<SendOutcome>(new SendOutcome.Sent([target.ChatId]));
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent([]));
}
