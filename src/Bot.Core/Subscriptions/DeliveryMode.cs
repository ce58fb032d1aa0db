namespace Bot.Core.Subscriptions;

/// <summary>How a subscription receives its articles.</summary>
public enum DeliveryMode
{
    /// <summary>Each article as it is published (quiet hours may hold or silence it).</summary>
    Instant,

    /// <summary>One message a day listing the articles since the last one.</summary>
    Daily,

    /// <summary>One message a week.</summary>
    Weekly,
}

public static class DeliveryModes
{
    public static string ToKey(this DeliveryMode mode) => mode switch
    {
        DeliveryMode.Daily => "daily",
        DeliveryMode.Weekly => "weekly",
        _ => "instant",
    };

    public static DeliveryMode Parse(string? key) => key switch
    {
        "daily" => DeliveryMode.Daily,
        "weekly" => DeliveryMode.Weekly,
        _ => DeliveryMode.Instant,
    };
}
