namespace Bot.Core.Storage.Migrations;

internal sealed class M051_MediaUploadExpiry : IMigration
{
    public int Version => 51;

    public string Name => "media upload expiry";

    // Discord's attachment URLs are signed and expire (the ex= parameter); Telegram's file_ids do not (NULL).
    public string Sql => """
        ALTER TABLE media_uploads ADD COLUMN expires_at INTEGER;   -- unix seconds UTC; NULL = does not expire
        """;
}
