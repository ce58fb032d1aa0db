namespace Bot.Core.Storage.Migrations;

internal sealed class M040_Sources : IMigration
{
    public int Version => 40;

    public string Name => "sources";

    public string Sql => """
        -- Feeds and folders the bot polls itself. next_poll_at carries the schedule with the feed's hints
        -- (ttl, skipHours, Retry-After) and the backoff after failures folded in.
        CREATE TABLE sources (
            id              INTEGER PRIMARY KEY,
            url             TEXT NOT NULL UNIQUE,   -- a feed's URL or a folder's absolute path
            kind            TEXT NOT NULL CHECK (kind IN ('feed', 'folder')),
            every_seconds   INTEGER NOT NULL,
            full_text       INTEGER NOT NULL DEFAULT 0,
            review          INTEGER NOT NULL DEFAULT 0,
            tags_json       TEXT NOT NULL DEFAULT '[]',
            paused          INTEGER NOT NULL DEFAULT 0,
            backlog_taken   INTEGER NOT NULL DEFAULT 0,  -- 1 once a poll stored the backlog without pushing
            etag            TEXT,
            last_modified   TEXT,
            last_polled     INTEGER,                -- unix seconds UTC
            last_status     TEXT,
            last_error      TEXT,
            failures        INTEGER NOT NULL DEFAULT 0,  -- in a row
            next_poll_at    INTEGER NOT NULL,
            created_at      INTEGER NOT NULL
        );

        -- Which article each item of a source became, and the hash it had, so a changed item updates in
        -- place and a known one is never stored or pushed twice.
        CREATE TABLE source_items (
            source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            item_key     TEXT NOT NULL,
            article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,
            PRIMARY KEY (source_id, item_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_source_items_article ON source_items (article_id);

        ALTER TABLE articles ADD COLUMN source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL;
        CREATE INDEX ix_articles_source ON articles (source_id) WHERE source_id IS NOT NULL;
        """;
}
