namespace Bot.Core.Storage.Migrations;

internal sealed class M002_TagOrder : IMigration
{
    public int Version => 2;

    public string Name => "tag order";

    // Tags are shown in the order the author wrote them; the primary key sorts by the folded value.
    public string Sql => """
        ALTER TABLE article_tags ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        """;
}
