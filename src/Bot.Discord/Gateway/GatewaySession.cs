namespace Bot.Discord.Gateway;

/// <summary>What a resume needs: the session id, the URL Discord gave for resuming, and the last sequence seen.</summary>
public sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private int? _sequence;

    public string? SessionId { get; set; }

    public string? ResumeUrl { get; set; }

    public int? Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }

        set
        {
            lock (_lock)
            {
                _sequence = value;
            }
        }
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
