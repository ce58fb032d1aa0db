namespace Bot.Discord.Models;

/// <summary>
/// Every message the bot sends (channel messages, interaction responses, follow-ups). Mentions are
/// always disabled: the property has no setter, so no code path can send a message that pings.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public int? Flags { get; init; }

    /// <summary>The files uploaded with the message (multipart): <c>id</c> is the n of its <c>files[n]</c> part.</summary>
    public IReadOnlyList<AttachmentSlot>? Attachments { get; init; }

    public AllowedMentions AllowedMentions { get; } = AllowedMentions.None;

    /// <summary>The same message with <paramref name="url"/> as its first embed's image (an article's lead image).</summary>
    public MessagePayload WithHeadImage(string url) =>
        this with { Embeds = [.. (Embeds ?? []).Select((embed, i) => i == 0 ? embed with { Image = new EmbedImage(url) } : embed)] };

    public const int EphemeralFlag = 64;

    /// <summary>SUPPRESS_NOTIFICATIONS: the message arrives without a push or desktop notification (quiet hours, silent).</summary>
    public const int SuppressNotificationsFlag = 4096;
}
