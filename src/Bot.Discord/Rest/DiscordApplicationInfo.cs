using Bot.Discord.Models;

namespace Bot.Discord.Rest;

/// <summary>The bot's application (id, bot user id), fetched once from GET /oauth2/applications/@me.</summary>
public sealed class DiscordApplicationInfo(IDiscordRestClient rest) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Application? _application;

    public async Task<Application> GetAsync(CancellationToken ct)
    {
        if (_application is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _application ??= await rest.GetCurrentApplicationAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
