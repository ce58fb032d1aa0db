namespace Bot.Core.Media;

/// <summary>What a platform gave back for an uploaded image: Telegram's file_id, Discord's attachment URL.</summary>
/// <param name="ExpiresAt">When the reference stops working (Discord's signed CDN URLs); null when it does not expire.</param>
public sealed record RemoteUpload(string Ref, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Whether the reference still works at <paramref name="now"/> plus <paramref name="margin"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan margin) => ExpiresAt is not { } expires || expires - margin > now;
}
