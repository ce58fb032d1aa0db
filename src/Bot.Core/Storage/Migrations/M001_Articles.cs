namespace Bot.Core.Storage.Migrations;

internal sealed class M001_Articles : IMigration
{
    public int Version => 1;

    public string Name => "articles";

    public string Sql => """
        CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            slug          TEXT NOT NULL,
            title         TEXT NOT NULL,
            author        TEXT,
            published     TEXT,          -- ISO 8601 with offset, as written by the author
            published_utc INTEGER,       -- unix seconds, for ordering and since:/until:
            updated       TEXT,
            summary       TEXT,
            source_url    TEXT,
            source_file   TEXT UNIQUE,   -- the imported file's path relative to the import root; NULL for posts
            body          TEXT NOT NULL,
            plain_text    TEXT NOT NULL,
            source        TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            language      TEXT NOT NULL,
            state         TEXT NOT NULL CHECK (state IN ('draft', 'scheduled', 'published', 'retracted')),
            scheduled_at  INTEGER,       -- unix seconds UTC
            published_at  INTEGER,       -- when the bot published it (fan-out time), unix seconds UTC
            extra_json    TEXT NOT NULL DEFAULT '{}',
            created_at    INTEGER NOT NULL,
            modified_at   INTEGER NOT NULL
        );
        CREATE INDEX ix_articles_state_published ON articles (state, published_utc DESC);
        CREATE INDEX ix_articles_scheduled ON articles (scheduled_at) WHERE state = 'scheduled';

        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            kind       TEXT NOT NULL CHECK (kind IN ('tag', 'category')),
            value      TEXT NOT NULL,    -- as written
            value_key  TEXT NOT NULL,    -- case-folded, for matching
            PRIMARY KEY (article_id, kind, value_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_tags_value ON article_tags (kind, value_key);

        -- Small key/value state of adapters and workers (Telegram update offset, Discord session…).
        CREATE TABLE bot_state (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """;
}
