namespace Bot.Core.Storage.Migrations;

internal sealed class M021_Deliveries : IMigration
{
    public int Version => 21;

    public string Name => "deliveries";

    public string Sql => """
        -- The outbox: one row per (article, subscription), written in the transaction that publishes the
        -- article. Ids grow in publish order, which is the order each chat receives its articles in.
        CREATE TABLE deliveries (
            id              INTEGER PRIMARY KEY,
            article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
            state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
            next_part       INTEGER NOT NULL DEFAULT 0,    -- parts below this one are on the platform
            part_count      INTEGER,                       -- known once the first part was rendered
            message_ids     TEXT NOT NULL DEFAULT '[]',    -- JSON array of the platform's message ids
            attempts        INTEGER NOT NULL DEFAULT 0,    -- transient failures so far
            next_attempt_at INTEGER NOT NULL,              -- unix milliseconds UTC
            lease_owner     TEXT,
            lease_until     INTEGER,                       -- unix milliseconds UTC; an expired lease is free
            last_error      TEXT,
            created_at      INTEGER NOT NULL,
            finished_at     INTEGER,
            UNIQUE (article_id, subscription_id)
        );
        CREATE INDEX ix_deliveries_state ON deliveries (state, id);
        CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id, state, id);

        -- Messages to delete after a retraction, drained by the delivery worker at the same rate limits.
        CREATE TABLE delivery_deletions (
            id              INTEGER PRIMARY KEY,
            delivery_id     INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
            message_id      TEXT NOT NULL,
            state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            lease_owner     TEXT,
            lease_until     INTEGER,
            last_error      TEXT,
            UNIQUE (delivery_id, message_id)
        );
        CREATE INDEX ix_delivery_deletions_state ON delivery_deletions (state, next_attempt_at);
        """;
}
