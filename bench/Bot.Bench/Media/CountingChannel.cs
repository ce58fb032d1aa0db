using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;

namespace Bot.Bench.Media;

/// <summary>Passes parts to a real channel and counts what came back: messages sent, 429s, finished deliveries.</summary>
internal sealed class CountingChannel(IDeliveryChannel inner, int deliveries) : IDeliveryChannel
{
    private int _messages;
    private int _rateLimited;
    private int _finished;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Messages => Volatile.Read(ref _messages);

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public Platform Platform => inner.Platform;

    public int CountParts(Article article) => inner.CountParts(article);

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        var outcome = await inner.SendPartAsync(target, article, partIndex, ct);
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                Interlocked.Add(ref _messages, sent.MessageIds.Count);
                if (partIndex == inner.CountParts(article) - 1 && Interlocked.Increment(ref _finished) == deliveries)
                {
                    Done.TrySetResult();
                }

                break;
            case SendOutcome.RateLimited:
                Interlocked.Increment(ref _rateLimited);
                break;
            default:
                Done.TrySetException(new InvalidOperationException($"part {partIndex} of article {article.Id} to {target.ChatId}: {outcome}"));
                break;
        }

        return outcome;
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct) => inner.DeleteAsync(target, messageId, ct);
}
