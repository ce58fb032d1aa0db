namespace Bot.Testing.Telegram;

/// <param name="Status">"creator", "administrator", "member", "restricted", "left" or "kicked".</param>
public sealed record FakeMember(string Status, bool CanPostMessages = true);
