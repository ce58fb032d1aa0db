using Bot.Core.Chat;

namespace Bot.Core.Sources;

/// <summary>
/// A platform adapter's way to reach one admin in a private chat without having been asked (Telegram:
/// the chat whose id is the user's; Discord: a DM channel). Each configured adapter registers one.
/// </summary>
public interface IAdminMessenger
{
    Platform Platform { get; }

    /// <summary>Sends the replies to the admin; throws when the platform refuses (the notifier logs it and goes on).</summary>
    Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken ct);
}
