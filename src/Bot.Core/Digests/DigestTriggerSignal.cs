namespace Bot.Core.Digests;

/// <summary>Tells the digest scheduler that a subscription's digest time changed, so its Quartz trigger is rebuilt.</summary>
public sealed class DigestTriggerSignal
{
    public event Action<long>? Changed;

    public void Notify(long subscriptionId) => Changed?.Invoke(subscriptionId);
}
