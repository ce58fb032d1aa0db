namespace Bot.Core.Storage.Migrations;

internal sealed class M010_SearchIndex : IMigration
{
    public int Version => 10;

    public string Name => "search index";

    // Contentless: the text lives in articles; the index keeps only tokens and positions (snippets are
    // made from articles.plain_text). The text arrives pre-tokenized (see IndexedText), so unicode61
    // only splits on spaces and folds case. Positions are needed: terms of 3+ CJK characters are phrases.
    // ix_articles_search covers the per-hit lookups of state and date: reading them from the table row
    // would walk the overflow pages of body/plain_text/source, since state is stored after them.
    public string Sql => """
        CREATE VIRTUAL TABLE article_fts USING fts5 (
            title_uni, title_bi, body_uni, body_bi,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE INDEX ix_articles_search ON articles (id, state, published_utc);
        """;
}
