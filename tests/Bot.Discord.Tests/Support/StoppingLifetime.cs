using Microsoft.Extensions.Hosting;

namespace Bot.Discord.Tests.Support;

/// <summary>An application lifetime that records whether something asked the host to stop.</summary>
public sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public bool StopRequested => _stopping.IsCancellationRequested;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
