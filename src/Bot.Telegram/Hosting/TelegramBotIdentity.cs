using Bot.Telegram.Api;
using Telegram.Bot.Types;

namespace Bot.Telegram.Hosting;

/// <summary>The bot's own user (id and username), asked once with getMe and kept.</summary>
public sealed class TelegramBotIdentity(ITelegramApi client)
{
    private Task<User>? _me;

    public async Task<User> GetAsync(CancellationToken ct)
    {
        // Concurrent first callers share one getMe; a failed one is forgotten so the next caller retries.
        var me = _me ??= client.GetMe(CancellationToken.None);
        try
        {
            return await me.WaitAsync(ct);
        }
        catch (Exception) when (me.IsFaulted || me.IsCanceled)
        {
            _ = Interlocked.CompareExchange(ref _me, null, me);
            throw;
        }
    }
}
