using Bot.Core.Chat;
using Bot.Core.Publishing;

namespace Bot.Host.ConsoleChat;

/// <summary>
/// At the end of piped input, gives the delivery worker a moment to print what is already queued for
/// the console, so "/press pub:5" as the last line still shows the pushed article.
/// </summary>
public sealed class ConsoleDrain(IPublishingService publishing, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public async Task WaitAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + limit;
        while (clock.GetUtcNow() < deadline && !ct.IsCancellationRequested)
        {
            var pending = (await publishing.SubscriptionStatsAsync(ct))
                .Where(s => s.Active && s.Platform == Platform.Console)
                .Sum(s => s.Pending);
            if (pending == 0)
            {
                return;
            }

            await Task.Delay(Poll, clock, ct);
        }
    }
}
