using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;

namespace Bot.Host.ConsoleChat;

/// <summary>Delivers subscribed articles to the terminal, so the console chat shows pushes like a real chat would.</summary>
public sealed class ConsoleDeliveryChannel(ConsoleOutput output) : IDeliveryChannel
{
    private long _sent;

    public Platform Platform => Platform.Console;

    public int CountParts(Article article) => 1;

    public Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        output.Write($"\n──────── 📬 new article ────────\n{ConsoleRenderer.Article(article, preview: false)}\n─────────────────────────────────");
        var id = Interlocked.Increment(ref _sent);
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent([$"console-{id}"]));
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct)
    {
        output.Write($"(a retracted article's message {messageId} would be deleted here)");
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent([messageId]));
    }
}
