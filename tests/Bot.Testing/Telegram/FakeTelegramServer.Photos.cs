using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Media;

namespace Bot.Testing.Telegram;

/// <summary>
/// sendPhoto and sendMediaGroup as the Bot API documents them: a photo is a multipart upload or a
/// file_id this bot got before; uploads are at most 10 MB, width + height at most 10,000 and a ratio of
/// at most 20; captions 0–1024 characters after entity parsing; albums 2–10 items.
/// </summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<string, (int Width, int Height, long Size)> _photos = new(StringComparer.Ordinal);
    private int _photoUploads;
    private long _nextFileId;

    /// <summary>Photos received as bytes (not as a file_id): the cost a broadcast should pay once per image.</summary>
    public int PhotoUploads
    {
        get
        {
            lock (_lock)
            {
                return _photoUploads;
            }
        }
    }

    private (int Status, JsonObject Body) SendPhoto(FakeRequest request)
    {
        lock (_lock)
        {
            if (Refusal(request, out var chat) is { } refused)
            {
                return refused;
            }

            var (fileId, error) = Photo(request, request.Text("photo"), "photo");
            if (error is not null)
            {
                return Fail(400, error);
            }

            var (caption, captionError) = Caption(request.Text("caption"), request.Text("parse_mode"));
            if (captionError is not null)
            {
                return Fail(400, captionError);
            }

            if (RateLimited(chat!) is { } limited)
            {
                return limited;
            }

            var uploaded = request.File("photo") is not null || request.Text("photo")?.StartsWith("attach://", StringComparison.Ordinal) == true;
            var message = Store(request, chat!, fileId!, request.Text("caption") ?? string.Empty, caption!, group: null, uploaded);
            return Ok(MessageJson(message));
        }
    }

    private (int Status, JsonObject Body) SendMediaGroup(FakeRequest request)
    {
        lock (_lock)
        {
            if (Refusal(request, out var chat) is { } refused)
            {
                return refused;
            }

            if (request.Json("media") is not { ValueKind: JsonValueKind.Array } media)
            {
                return Fail(400, "Bad Request: media not specified");
            }

            var items = media.EnumerateArray().ToList();
            if (items.Count is < 2 or > 10)
            {
                return Fail(400, "Bad Request: MEDIA_GROUP_COUNT_INVALID: the group must have 2-10 items");
            }

            var photos = new List<(string FileId, string Html, string Caption, bool Uploaded)>();
            foreach (var item in items)
            {
                if (!item.TryGetProperty("type", out var type) || type.GetString() != "photo")
                {
                    return Fail(400, "Bad Request: this fake only takes photo albums");
                }

                var (fileId, error) = Photo(request, item.TryGetProperty("media", out var m) ? m.GetString() : null, null);
                if (error is not null)
                {
                    return Fail(400, error);
                }

                var html = item.TryGetProperty("caption", out var c) ? c.GetString() ?? string.Empty : string.Empty;
                var (caption, captionError) = Caption(html, item.TryGetProperty("parse_mode", out var p) ? p.GetString() : null);
                if (captionError is not null)
                {
                    return Fail(400, captionError);
                }

                photos.Add((fileId!, html, caption!, m.GetString()?.StartsWith("attach://", StringComparison.Ordinal) == true));
            }

            if (RateLimited(chat!) is { } limited)
            {
                return limited;
            }

            var group = $"g{++_nextFileId}";
            return Ok(new JsonArray([.. photos.Select(p => (JsonNode)MessageJson(Store(request, chat!, p.FileId, p.Html, p.Caption, group, p.Uploaded)))]));
        }
    }

    private (int Status, JsonObject Body)? Refusal(FakeRequest request, out FakeChat? chat)
    {
        chat = ResolveChat(request.Text("chat_id"));
        if (chat is null)
        {
            return Fail(400, "Bad Request: chat not found");
        }

        if (Scripted(chat.Id, request) is { } failure)
        {
            return failure;
        }

        if (BotCannotPost(chat) is { } refusal)
        {
            return refusal;
        }

        return request.Number("message_thread_id") is { } topic && chat.DeletedTopics.Contains(topic)
            ? Fail(400, "Bad Request: message thread not found")
            : null;
    }

    private (int Status, JsonObject Body)? RateLimited(FakeChat chat)
    {
        if (_limiter.TryAcquire(chat.Id, chat.Type == "private") is not { } wait)
        {
            return null;
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return Fail(429, $"Too Many Requests: retry after {seconds}", new JsonObject { ["retry_after"] = seconds });
    }

    // A photo given as attach://name, as the multipart part named after the field, or as a known file_id.
    private (string? FileId, string? Error) Photo(FakeRequest request, string? value, string? field)
    {
        var bytes = value is not null && value.StartsWith("attach://", StringComparison.Ordinal)
            ? request.File(value["attach://".Length..])
            : field is not null ? request.File(field) : null;
        if (bytes is null)
        {
            if (value is null)
            {
                return (null, "Bad Request: there is no photo in the request");
            }

            return _photos.ContainsKey(value) ? (value, null) : (null, "Bad Request: wrong file identifier/HTTP URL specified");
        }

        if (bytes.LongLength > 10L * 1024 * 1024)
        {
            return (null, "Bad Request: file is too big");
        }

        if (ImageSniffer.Sniff(bytes) is not { } info)
        {
            return (null, "Bad Request: IMAGE_PROCESS_FAILED");
        }

        if (info.Width + info.Height > 10_000 || Math.Max(info.Width, info.Height) > 20 * Math.Min(info.Width, info.Height))
        {
            return (null, "Bad Request: PHOTO_INVALID_DIMENSIONS");
        }

        var fileId = $"AgAC{++_nextFileId:D8}";
        _photos[fileId] = (info.Width, info.Height, bytes.LongLength);
        _photoUploads++;
        return (fileId, null);
    }

    private static (string? Caption, string? Error) Caption(string? html, string? parseMode)
    {
        var raw = html ?? string.Empty;
        var (text, error) = parseMode?.ToUpperInvariant() switch
        {
            "HTML" => TelegramHtmlValidator.Parse(raw),
            null or "" => (raw, null),
            _ => (null, "Bad Request: this fake only parses HTML"),
        };
        if (error is not null)
        {
            return (null, error);
        }

        text = text!.Trim();
        return text.Length > 1024 ? (null, "Bad Request: message caption is too long") : (text, null);
    }

    private FakeSentMessage Store(FakeRequest request, FakeChat chat, string fileId, string html, string caption, string? group, bool uploaded)
    {
        var message = new FakeSentMessage
        {
            ChatId = chat.Id,
            MessageId = NextMessageId(chat.Id),
            ThreadId = request.Number("message_thread_id"),
            Html = html,
            VisibleText = caption,
            PaidBroadcast = request.Flag("allow_paid_broadcast"),
            SentAt = _time.GetUtcNow(),
            PhotoFileId = fileId,
            PhotoUploaded = uploaded,
            MediaGroupId = group,
        };
        _messages.Add(message);
        return message;
    }
}
