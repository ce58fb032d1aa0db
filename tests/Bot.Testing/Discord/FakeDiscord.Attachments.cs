using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Core.Chat;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Discord;

/// <summary>
/// Message creation with files, as Discord's "Uploading Files" describes it: a multipart/form-data body
/// of <c>payload_json</c> and <c>files[n]</c> parts, each file with a filename; <c>attachment://name</c> in an
/// embed must name an uploaded file; a file over the limit is refused with 413 / 40005. Uploaded files
/// come back as attachments whose CDN URLs are signed (<c>ex</c>, <c>is</c>, <c>hm</c>) and stop working at <c>ex</c>.
/// </summary>
public sealed partial class FakeDiscord
{
    private const int MaxFilesPerMessage = 10;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _attachments = new();
    private readonly byte[] _cdnKey = RandomNumberGenerator.GetBytes(32);
    private int _uploads;

    /// <summary>The most bytes one file may have: 10 MiB for bots in servers without boosts.</summary>
    public long AttachmentSizeLimit { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long a signed attachment URL works after it is issued (Discord's are about a day).</summary>
    public TimeSpan AttachmentUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Files received in messages that were created.</summary>
    public int Uploads => Volatile.Read(ref _uploads);

    private sealed record IncomingFile(string PartName, string Filename, string ContentType, byte[] Bytes);

    /// <summary>A create-message body: the JSON (or payload_json), the files, or the refusal of a malformed request.</summary>
    private sealed record IncomingMessage(JsonObject Body, IReadOnlyList<IncomingFile> Files, IResult? Refusal = null)
    {
        public static IncomingMessage Refused(IResult refusal) => new([], [], refusal);
    }

    private async Task<IncomingMessage> ReadMessageAsync(HttpRequest request)
    {
        try
        {
            if (!request.HasFormContentType)
            {
                return await JsonNode.ParseAsync(request.Body) is JsonObject json
                    ? new IncomingMessage(json, [])
                    : IncomingMessage.Refused(Error(400, 50109, "The request body contains invalid JSON."));
            }

            if (!request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return IncomingMessage.Refused(Error(400, 50035, "Invalid Form Body"));
            }

            var form = await request.ReadFormAsync();
            var body = form.TryGetValue("payload_json", out var payload)
                ? JsonNode.Parse(payload.ToString()) as JsonObject
                : new JsonObject { ["content"] = form["content"].ToString() };
            if (body is null)
            {
                return IncomingMessage.Refused(Error(400, 50109, "The request body contains invalid JSON."));
            }

            var files = new List<IncomingFile>();
            foreach (var file in form.Files)
            {
                if (!FilePartName().IsMatch(file.Name) || string.IsNullOrEmpty(file.FileName) || files.Any(f => f.PartName == file.Name))
                {
                    return IncomingMessage.Refused(Error(400, 50035, $"Invalid Form Body: part \"{file.Name}\" is not a uniquely named files[n] with a filename"));
                }

                if (file.Length > AttachmentSizeLimit)
                {
                    return IncomingMessage.Refused(Error(413, 40005, "Request entity too large"));
                }

                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                files.Add(new IncomingFile(file.Name, file.FileName, file.ContentType ?? "application/octet-stream", bytes.ToArray()));
            }

            return files.Count > MaxFilesPerMessage
                ? IncomingMessage.Refused(Error(400, 50035, "Invalid Form Body: at most 10 files"))
                : new IncomingMessage(body, files);
        }
        catch (JsonException)
        {
            return IncomingMessage.Refused(Error(400, 50109, "The request body contains invalid JSON."));
        }
        catch (InvalidDataException)
        {
            return IncomingMessage.Refused(Error(400, 50035, "Invalid Form Body"));
        }
    }

    /// <summary>An attachment:// URL in an embed's image or thumbnail that names none of the uploaded files.</summary>
    private static string? UnknownAttachmentReference(JsonArray? embeds, IReadOnlyList<IncomingFile> files)
    {
        foreach (var embed in embeds ?? [])
        {
            foreach (var field in new[] { "image", "thumbnail" })
            {
                if ((string?)embed?[field]?["url"] is { } url
                    && url.StartsWith("attachment://", StringComparison.Ordinal)
                    && !files.Any(f => f.Filename == url["attachment://".Length..]))
                {
                    return url;
                }
            }
        }

        return null;
    }

    private RecordedFile Store(string channel, IncomingFile file)
    {
        var id = NextId();
        var issued = _time.GetUtcNow().ToUnixTimeSeconds();
        var expires = issued + (long)AttachmentUrlLifetime.TotalSeconds;
        var path = $"/cdn/attachments/{channel}/{id}/{Uri.EscapeDataString(file.Filename)}";
        var url = string.Create(CultureInfo.InvariantCulture, $"{BaseUrl}{path}?ex={expires:x}&is={issued:x}&hm={Sign(id, expires, issued)}&");
        _attachments[id] = (file.Bytes, file.ContentType);
        Interlocked.Increment(ref _uploads);
        return new RecordedFile(file.PartName, file.Filename, file.ContentType, file.Bytes.Length, url);
    }

    /// <summary>The embeds as Discord answers them: an attachment:// image becomes the uploaded file's CDN URL.</summary>
    private static JsonArray? AnsweredEmbeds(JsonArray? embeds, IReadOnlyList<RecordedFile> files)
    {
        if (embeds?.DeepClone() is not JsonArray answered)
        {
            return null;
        }

        foreach (var embed in answered)
        {
            foreach (var field in new[] { "image", "thumbnail" })
            {
                if (embed?[field] is JsonObject image
                    && (string?)image["url"] is { } url
                    && files.FirstOrDefault(f => "attachment://" + f.Filename == url) is { } file)
                {
                    image["url"] = file.Url;
                    image["proxy_url"] = file.Url;
                }
            }
        }

        return answered;
    }

    private static string AttachmentIdOf(string url) => new Uri(url).Segments[^2].TrimEnd('/');

    private IResult ServeAttachment(HttpContext http, string id)
    {
        var query = http.Request.Query;
        if (!_attachments.TryGetValue(id, out var file)
            || !long.TryParse(query["ex"], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var expires)
            || !long.TryParse(query["is"], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var issued)
            || query["hm"] != Sign(id, expires, issued))
        {
            return Results.NotFound();
        }

        // A link past its ex stops working, as Discord's signed links do.
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires
            ? Results.Text("This content is no longer available.", "text/plain", statusCode: 404)
            : Results.Bytes(file.Bytes, file.ContentType);
    }

    private string Sign(string id, long expires, long issued) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_cdnKey, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}|{expires:x}|{issued:x}"))));

    [GeneratedRegex(@"^files\[\d{1,19}\]$")]
    private static partial Regex FilePartName();
}
