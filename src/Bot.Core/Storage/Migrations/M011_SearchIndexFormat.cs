namespace Bot.Core.Storage.Migrations;

internal sealed class M011_SearchIndexFormat : IMigration
{
    public int Version => 11;

    public string Name => "search index format 2";

    // Format 2 pairs words with the CJK characters next to them (2018年) and adds a meta column of tag and
    // date tokens, so filters are intersected inside FTS5. Tokens are made in C# (IndexedText, SearchMeta), so
    // the table is recreated empty here and SearchIndexRebuilder fills it at start, before search is served,
    // when bot_state does not say format 2: an archive that is empty now will only ever be written in format 2.
    public string Sql => """
        DROP TABLE article_fts;
        CREATE VIRTUAL TABLE article_fts USING fts5 (
            title_uni, title_bi, body_uni, body_bi, meta,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO bot_state (key, value)
        SELECT 'search.index_format', '2' WHERE NOT EXISTS (SELECT 1 FROM articles);
        """;
}
