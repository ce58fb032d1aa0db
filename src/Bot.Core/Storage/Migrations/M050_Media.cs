namespace Bot.Core.Storage.Migrations;

internal sealed class M050_Media : IMigration
{
    public int Version => 50;

    public string Name => "media";

    public string Sql => """
        -- One row per stored image, named by the SHA-256 of its bytes; the bytes are a file of that name
        -- under Media:Path. Rows outlive the articles that used them until `bot media prune`.
        CREATE TABLE media (
            sha256       TEXT PRIMARY KEY,
            bytes        INTEGER NOT NULL,
            content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
            width        INTEGER NOT NULL,
            height       INTEGER NOT NULL,
            created_at   INTEGER NOT NULL    -- unix seconds UTC
        ) WITHOUT ROWID;

        -- Every URL fetched successfully, so a URL already stored is never fetched again.
        CREATE TABLE media_urls (
            url    TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL REFERENCES media (sha256) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX ix_media_urls_sha256 ON media_urls (sha256);

        -- The images an article references, in its order, one row per distinct URL: stored (sha256) or
        -- not (error says why; `bot media retry` and later polls try again).
        CREATE TABLE article_media (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            url        TEXT NOT NULL,
            alt        TEXT NOT NULL DEFAULT '',
            sha256     TEXT REFERENCES media (sha256),
            error      TEXT,
            attempts   INTEGER NOT NULL DEFAULT 0,
            tried_at   INTEGER,              -- unix seconds UTC of the last fetch
            PRIMARY KEY (article_id, position),
            UNIQUE (article_id, url)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_media_sha256 ON article_media (sha256);
        CREATE INDEX ix_article_media_missing ON article_media (article_id) WHERE sha256 IS NULL;

        -- What a platform gave back for an uploaded image (Telegram's file_id, Discord's attachment URL),
        -- so one upload serves every later chat.
        CREATE TABLE media_uploads (
            sha256     TEXT NOT NULL REFERENCES media (sha256) ON DELETE CASCADE,
            platform   TEXT NOT NULL,
            remote_ref TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (sha256, platform)
        ) WITHOUT ROWID;
        """;
}
