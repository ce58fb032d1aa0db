namespace Bot.Telegram.Api;

/// <summary>A photo to send: bytes to upload (multipart), or the file_id Telegram gave for an earlier upload.</summary>
public sealed record PhotoInput(string? FileId, byte[]? Bytes, string FileName)
{
    public static PhotoInput Existing(string fileId) => new(fileId, null, string.Empty);

    public static PhotoInput Upload(byte[] bytes, string fileName) => new(null, bytes, fileName);
}

/// <summary>A photo message: always HTML captions (at most 1024 characters after entities).</summary>
public sealed record OutgoingPhoto(long ChatId, PhotoInput Photo, string CaptionHtml, long? ThreadId = null, bool AllowPaidBroadcast = false);

/// <summary>An album (sendMediaGroup) of 2–10 photos without captions.</summary>
public sealed record OutgoingAlbum(long ChatId, IReadOnlyList<PhotoInput> Photos, long? ThreadId = null, bool AllowPaidBroadcast = false);
