using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.Core.Storage.Media;

namespace Bot.Testing.Delivery;

/// <summary>
/// Reads articles back from the database for the delivery worker, so tests need not wait for the real
/// store; only <see cref="GetAsync"/> is supported. Images recorded in article_media come with the article,
/// as the real store reads them.
/// </summary>
public sealed class RowArticleStore(SqliteDatabase database) : IArticleStore
{
    public int Reads { get; private set; }

    public async Task<Article?> GetAsync(long id, CancellationToken ct)
    {
        Reads++;
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT slug, title, author, body, plain_text, state FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var state = Enum.Parse<ArticleState>(reader.GetString(5), ignoreCase: true);
        var article = new Article(
            id, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), null, null, [], [], null, null, null,
            reader.GetString(3), reader.GetString(4), reader.GetString(3), "hash", "zh", state, null, null, new Dictionary<string, string>());
        return article with { Images = await new SqliteMediaCatalog(database, TimeProvider.System).ForArticleAsync(id, ct) };
    }

    public Task<IReadOnlyList<Article>> LatestAsync(int count, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<ArticleState, int>> CountByStateAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<ImportOutcome> ImportAsync(ParsedArticle parsed, CancellationToken ct) => throw new NotSupportedException();

    public Task<Article> CreateDraftAsync(ParsedArticle parsed, CancellationToken ct) => throw new NotSupportedException();
}
