using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Hosting;

/// <summary>
/// A failure that restarting cannot mend (a revoked token, a gateway closed for bad intents): the host
/// stops with a line naming the cause, and the process exits with <see cref="ExitCode"/> so that a
/// supervisor (systemd's Restart=on-failure) sees a failure rather than a clean stop.
/// </summary>
public sealed class ApplicationFailure(IHostApplicationLifetime lifetime, ILogger<ApplicationFailure> logger)
{
    /// <summary>1 is what an unhandled exception gives; 3 says "the bot stopped itself for a cause it logged".</summary>
    public const int ExitCode = 3;

    private string? _cause;

    /// <summary>The first cause reported, or null while nothing has failed.</summary>
    public string? Cause => Volatile.Read(ref _cause);

    /// <summary>Records the cause (the first one wins) and stops the host.</summary>
    public void Fail(string cause)
    {
        if (Interlocked.CompareExchange(ref _cause, cause, null) is null)
        {
            logger.LogCritical("The bot is stopping: {Cause}", cause);
            lifetime.StopApplication();
        }
    }
}
