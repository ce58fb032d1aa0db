namespace Bot.Core.Storage.Migrations;

internal sealed class M041_SourceEntryHash : IMigration
{
    public int Version => 41;

    public string Name => "source entry hash";

    // A full-text item's article is made from its page, so the article's hash cannot tell whether the feed
    // changed the item: the hash of the entry as the feed gives it can, and only then is the page fetched again.
    public string Sql => """
        ALTER TABLE source_items ADD COLUMN entry_hash TEXT;
        """;
}
