namespace Bot.Core.Storage.Migrations;

internal sealed class M030_Conversations : IMigration
{
    public int Version => 30;

    public string Name => "conversations and saved searches";

    public string Sql => """
        -- What the bot waits for from one user in one chat (an admin's post after /post, a time after "Schedule").
        CREATE TABLE conversations (
            platform   TEXT NOT NULL,
            chat_id    TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            state      TEXT NOT NULL,
            data       TEXT,
            expires_at INTEGER NOT NULL,   -- unix seconds UTC
            PRIMARY KEY (platform, chat_id, user_id)
        ) WITHOUT ROWID;

        -- Search paging buttons carry a short id instead of the query: Telegram allows 64 bytes of callback data.
        CREATE TABLE saved_searches (
            id         INTEGER PRIMARY KEY,
            query      TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        """;
}
