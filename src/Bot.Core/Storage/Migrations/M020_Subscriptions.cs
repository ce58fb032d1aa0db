namespace Bot.Core.Storage.Migrations;

internal sealed class M020_Subscriptions : IMigration
{
    public int Version => 20;

    public string Name => "subscriptions";

    public string Sql => """
        CREATE TABLE subscriptions (
            id                 INTEGER PRIMARY KEY,
            platform           TEXT NOT NULL,
            chat_id            TEXT NOT NULL,
            thread_id          TEXT NOT NULL DEFAULT '',   -- '' means no thread, so the unique key holds
            chat_kind          TEXT NOT NULL CHECK (chat_kind IN ('private', 'group', 'channel', 'discord_channel')),
            title              TEXT,
            paused             INTEGER NOT NULL DEFAULT 0,
            active             INTEGER NOT NULL DEFAULT 1,
            deactivated_reason TEXT,
            created_at         INTEGER NOT NULL,           -- unix milliseconds UTC
            modified_at        INTEGER NOT NULL,
            UNIQUE (platform, chat_id, thread_id)
        );

        -- No rows for a subscription means it wants everything; rows of several kinds combine with OR.
        CREATE TABLE subscription_filters (
            subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
            kind            TEXT NOT NULL CHECK (kind IN ('tag', 'author', 'keyword')),
            value           TEXT NOT NULL,   -- as typed
            value_key       TEXT NOT NULL,   -- folded (NFKC, lower case), for matching
            PRIMARY KEY (subscription_id, kind, value_key)
        ) WITHOUT ROWID;
        """;
}
