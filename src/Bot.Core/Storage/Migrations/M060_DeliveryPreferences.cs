namespace Bot.Core.Storage.Migrations;

internal sealed class M060_DeliveryPreferences : IMigration
{
    public int Version => 60;

    public string Name => "delivery preferences and digests";

    // Columns are added rather than the outbox rebuilt: deliveries is referenced by delivery_deletions
    // (and may be by later tables), and a rebuild under foreign keys would cascade its deletes. A digest's
    // delivery row therefore keeps article_id NOT NULL: it holds the digest's first article, which never
    // has a delivery of its own for that subscription (an article is fanned out either instantly or into a digest).
    public string Sql => """
        ALTER TABLE subscriptions ADD COLUMN delivery_mode TEXT NOT NULL DEFAULT 'instant'
            CHECK (delivery_mode IN ('instant', 'daily', 'weekly'));
        ALTER TABLE subscriptions ADD COLUMN digest_minute INTEGER;    -- minutes after local midnight
        ALTER TABLE subscriptions ADD COLUMN digest_weekday INTEGER;   -- 0 = Sunday … 6, weekly digests only
        ALTER TABLE subscriptions ADD COLUMN digest_next_at INTEGER;   -- unix ms UTC of the next digest not yet made
        ALTER TABLE subscriptions ADD COLUMN quiet_start INTEGER;      -- minutes after local midnight; NULL = no quiet hours
        ALTER TABLE subscriptions ADD COLUMN quiet_end INTEGER;
        ALTER TABLE subscriptions ADD COLUMN quiet_silent INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE subscriptions ADD COLUMN time_zone TEXT;           -- IANA name; NULL = Bot:TimeZone
        ALTER TABLE subscriptions ADD COLUMN language TEXT;            -- of the digest's own words, from who set it up

        -- One row per digest time of a subscription: the unique key is what keeps a restart from making it twice.
        CREATE TABLE digests (
            id              INTEGER PRIMARY KEY,
            subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
            due_at          INTEGER NOT NULL,   -- unix ms UTC of the digest time it stands for
            created_at      INTEGER NOT NULL,
            UNIQUE (subscription_id, due_at)
        );

        -- Articles matched for a digest subscription, written by the publishing fan-out; a digest takes
        -- every item without one when it is made.
        CREATE TABLE digest_items (
            subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
            article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            digest_id       INTEGER REFERENCES digests (id) ON DELETE CASCADE,
            PRIMARY KEY (subscription_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_digest_items_digest ON digest_items (digest_id);
        CREATE INDEX ix_digest_items_article ON digest_items (article_id);

        ALTER TABLE deliveries ADD COLUMN digest_id INTEGER REFERENCES digests (id) ON DELETE CASCADE;
        CREATE INDEX ix_deliveries_digest ON deliveries (digest_id) WHERE digest_id IS NOT NULL;
        CREATE INDEX ix_subscriptions_digest_due ON subscriptions (digest_next_at) WHERE delivery_mode <> 'instant';
        """;
}
