namespace Bot.Core.Storage.Migrations;

internal sealed class M012_SearchIndexFolding : IMigration
{
    public int Version => 12;

    public string Name => "search index format 3";

    // Format 3 folds Traditional characters to Simplified (ChineseFolding) in the tokens and tag tokens. The table
    // keeps its shape: an archive with articles is rewritten at start by SearchIndexRebuilder, which sees an older
    // format in bot_state; an archive that is empty now will only ever be written in format 3.
    public string Sql => """
        INSERT INTO bot_state (key, value)
        SELECT 'search.index_format', '3' WHERE NOT EXISTS (SELECT 1 FROM articles)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        """;
}
