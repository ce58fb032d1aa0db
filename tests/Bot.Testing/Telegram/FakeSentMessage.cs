using System.Text.Json;

namespace Bot.Testing.Telegram;

/// <summary>A message the bot sent, as the fake stored it: the HTML it got and the text a user sees.</summary>
public sealed class FakeSentMessage
{
    public required long ChatId { get; init; }

    public required long MessageId { get; init; }

    public long? ThreadId { get; init; }

    public required string Html { get; set; }

    public required string VisibleText { get; set; }

    public JsonElement? ReplyMarkup { get; set; }

    public bool LinkPreviewDisabled { get; init; }

    /// <summary>Sent with allow_paid_broadcast (Telegram charges Stars beyond the free rate).</summary>
    public bool PaidBroadcast { get; init; }

    /// <summary>Sent with disable_notification (the chat's quiet hours, silent).</summary>
    public bool Silent { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>For a photo: its file_id (Html and VisibleText hold the caption).</summary>
    public string? PhotoFileId { get; init; }

    /// <summary>The photo's bytes came with this request (multipart), rather than as a file_id.</summary>
    public bool PhotoUploaded { get; init; }

    public string? MediaGroupId { get; init; }

    public bool Edited { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The callback_data of every button, row by row.</summary>
    public IReadOnlyList<string> ButtonPayloads =>
        ReplyMarkup is { } markup && markup.TryGetProperty("inline_keyboard", out var rows)
            ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray())
                .Where(b => b.TryGetProperty("callback_data", out _))
                .Select(b => b.GetProperty("callback_data").GetString()!)
                .ToList()
            : [];

    public IReadOnlyList<string> ButtonLabels =>
        ReplyMarkup is { } markup && markup.TryGetProperty("inline_keyboard", out var rows)
            ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("text").GetString()!).ToList()
            : [];
}
