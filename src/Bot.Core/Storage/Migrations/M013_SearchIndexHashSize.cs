namespace Bot.Core.Storage.Migrations;

internal sealed class M013_SearchIndexHashSize : IMigration
{
    public int Version => 13;

    public string Name => "search index pending-terms size";

    // FTS5 writes its pending tokens as a new segment whenever they pass 'hashsize' (1 MB by default) and at every
    // commit; each segment is later merged into larger ones. A 200-article import batch holds ≈ 10 MB of pending
    // tokens: at 32 MB it is written as one segment instead of about ten, so far less merging. The setting is kept
    // in the table's own configuration; the memory is held only while a write transaction indexes.
    public string Sql => """
        INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 33554432);
        """;
}
