using Bot.Core.Chat;
using Bot.Telegram.Api;
using Bot.Telegram.Rendering;
using Telegram.Bot.Types;

namespace Bot.Telegram.Updates;

/// <summary>Attached documents as Core's lazily opened files: getFile and the download happen only when Core reads.</summary>
public sealed class TelegramIncomingFiles(ITelegramApi client)
{
    public IncomingFile For(Document document) => new(
        document.FileName ?? "document",
        document.FileSize ?? 0,
        ct => OpenAsync(document, ct));

    private async Task<Stream> OpenAsync(Document document, CancellationToken ct)
    {
        // Bots may only download files up to 20 MB; say so before asking Telegram.
        if (document.FileSize > TelegramLimits.DownloadBytes)
        {
            throw TooBig(document.FileSize.Value);
        }

        var file = await client.GetFile(document.FileId, ct);
        if (file.FileSize > TelegramLimits.DownloadBytes)
        {
            throw TooBig(file.FileSize.Value);
        }

        if (string.IsNullOrEmpty(file.FilePath))
        {
            throw new InvalidDataException("Telegram did not give a download path for this file.");
        }

        return await client.DownloadFile(file.FilePath, ct);
    }

    private static InvalidDataException TooBig(long size) =>
        new($"The file is {size / (1024.0 * 1024.0):0.0} MB; Telegram bots can only download files up to 20 MB.");
}
