using Bot.Core.Chat;
using Bot.Core.Media;
using Bot.Telegram.Api;
using Bot.Telegram.Rendering;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Telegram.Delivery;

/// <summary>
/// Sends one <see cref="TelegramPart"/> to a chat. Photos come from the archive: uploaded the first time,
/// then resent by the file_id Telegram gave back, so a broadcast uploads each image once.
/// </summary>
public sealed class TelegramPartSender(ITelegramApi client, MediaUploads uploads)
{
    public async Task<IReadOnlyList<Message>> SendAsync(long chatId, long? threadId, TelegramPart part, bool paidBroadcast, CancellationToken ct) => part switch
    {
        TelegramPart.Text text => [await client.SendMessage(new OutgoingMessage(chatId, text.Html, threadId, AllowPaidBroadcast: paidBroadcast), ct)],
        TelegramPart.Photo photo => [await SendPhotoAsync(chatId, threadId, photo, paidBroadcast, ct)],
        TelegramPart.Album album => await SendAlbumAsync(chatId, threadId, album, paidBroadcast, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "unknown part"),
    };

    private Task<Message> SendPhotoAsync(long chatId, long? threadId, TelegramPart.Photo photo, bool paid, CancellationToken ct) =>
        uploads.SendAsync(
            photo.Image,
            Platform.Telegram,
            async (fileId, c) =>
            {
                try
                {
                    return new ImageSend<Message>(await client.SendPhoto(new OutgoingPhoto(chatId, PhotoInput.Existing(fileId), photo.CaptionHtml, threadId, paid), c));
                }
                catch (ApiRequestException e) when (IsStaleFileId(e))
                {
                    return new ImageSend<Message>(null!, RefRejected: true);
                }
            },
            async (upload, c) =>
            {
                var message = await client.SendPhoto(new OutgoingPhoto(chatId, PhotoInput.Upload(upload.Bytes, upload.Image.FileName), photo.CaptionHtml, threadId, paid), c);
                return new ImageSend<Message>(message, LargestFileId(message));
            },
            ct);

    private async Task<IReadOnlyList<Message>> SendAlbumAsync(long chatId, long? threadId, TelegramPart.Album album, bool paid, CancellationToken ct)
    {
        try
        {
            return await SendAlbumOnceAsync(chatId, threadId, album, paid, reuse: true, ct);
        }
        catch (ApiRequestException e) when (IsStaleFileId(e))
        {
            foreach (var image in album.Images)
            {
                await uploads.ForgetAsync(image, Platform.Telegram, ct);
            }

            return await SendAlbumOnceAsync(chatId, threadId, album, paid, reuse: false, ct);
        }
    }

    private async Task<IReadOnlyList<Message>> SendAlbumOnceAsync(long chatId, long? threadId, TelegramPart.Album album, bool paid, bool reuse, CancellationToken ct)
    {
        var inputs = new List<PhotoInput>(album.Images.Count);
        var uploaded = new List<int>();
        for (var i = 0; i < album.Images.Count; i++)
        {
            var image = album.Images[i];
            if (reuse && await uploads.KnownRefAsync(image, Platform.Telegram, ct) is { } fileId)
            {
                inputs.Add(PhotoInput.Existing(fileId));
                continue;
            }

            var bytes = await uploads.ReadAsync(image, ct) ?? throw new FileNotFoundException($"The archived image {image.Sha256} is missing.");
            inputs.Add(PhotoInput.Upload(bytes, image.FileName));
            uploaded.Add(i);
        }

        var messages = await client.SendMediaGroup(new OutgoingAlbum(chatId, inputs, threadId, paid), ct);
        foreach (var i in uploaded.Where(i => i < messages.Count))
        {
            if (LargestFileId(messages[i]) is { } fileId)
            {
                await uploads.RememberAsync(album.Images[i], Platform.Telegram, fileId, ct);
            }
        }

        return messages;
    }

    // The largest size's file_id resends the photo at full quality.
    private static string? LargestFileId(Message message) => message.Photo is { Length: > 0 } sizes ? sizes[^1].FileId : null;

    // A file_id Telegram no longer knows (another bot's, or the bot's token changed): upload again.
    private static bool IsStaleFileId(ApiRequestException e) =>
        e.ErrorCode == 400
        && (e.Message.Contains("file identifier", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("FILE_REFERENCE", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("wrong file_id", StringComparison.OrdinalIgnoreCase));
}
