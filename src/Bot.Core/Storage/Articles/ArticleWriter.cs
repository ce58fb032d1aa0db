using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Search;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage.Articles;

/// <summary>
/// Writes articles inside one open write transaction, reusing its prepared statements across the rows
/// of a batch (preparing SQL is a large part of the cost of a small write).
/// </summary>
/// <remarks>
/// With <c>deferIndex</c>, articles are indexed only by <see cref="IndexDeferredAsync"/>, once the batch's rows are
/// written: FTS5 flushes its pending tokens to a new segment at every SAVEPOINT, so indexing inside the per-article
/// savepoints of an import made one tiny segment per article and most of the import's time went to merging them.
/// </remarks>
internal sealed class ArticleWriter : IAsyncDisposable
{
    private const string ContentParameters = "$slug $title $author $published $published_utc $updated $summary $source_url $source_file $body $plain_text $source $content_hash $language $extra_json $now";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly IArticleIndex _index;
    private readonly long _now;
    private readonly SqliteCommand _findBySource;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _deleteTags;
    private readonly SqliteCommand _insertTag;
    private readonly Dictionary<long, SearchDocument>? _deferred;

    public ArticleWriter(SqliteConnection connection, SqliteTransaction transaction, IArticleIndex index, DateTimeOffset now, bool deferIndex = false)
    {
        _deferred = deferIndex ? [] : null;
        _connection = connection;
        _transaction = transaction;
        _index = index;
        _now = now.ToUnixTimeSeconds();
        _findBySource = Command("SELECT id, content_hash FROM articles WHERE source_file = $source_file", "$source_file");
        _insert = Command(
            """
            INSERT INTO articles (slug, title, author, published, published_utc, updated, summary, source_url, source_file,
                                  body, plain_text, source, content_hash, language, state, extra_json, created_at, modified_at)
            VALUES ($slug, $title, $author, $published, $published_utc, $updated, $summary, $source_url, $source_file,
                    $body, $plain_text, $source, $content_hash, $language, $state, $extra_json, $now, $now)
            RETURNING id
            """,
            ContentParameters + " $state");
        // An update keeps id, state and the publishing times: readers' links and the delivery history stay valid.
        _update = Command(
            """
            UPDATE articles
            SET slug = $slug, title = $title, author = $author, published = $published, published_utc = $published_utc,
                updated = $updated, summary = $summary, source_url = $source_url, source_file = $source_file, body = $body,
                plain_text = $plain_text, source = $source, content_hash = $content_hash, language = $language,
                extra_json = $extra_json, modified_at = $now
            WHERE id = $id
            RETURNING state
            """,
            ContentParameters + " $id");
        _deleteTags = Command("DELETE FROM article_tags WHERE article_id = $article_id", "$article_id");
        _insertTag = Command(
            """
            INSERT OR IGNORE INTO article_tags (article_id, kind, value, value_key, position)
            VALUES ($article_id, $kind, $value, $value_key, $position)
            """,
            "$article_id $kind $value $value_key $position");
    }

    /// <summary>Adds the article, or updates the one imported from the same source file when its content changed.</summary>
    public async Task<ImportOutcome> ImportAsync(ParsedArticle parsed, CancellationToken ct)
    {
        if (parsed.SourceFile is not null && await FindBySourceAsync(parsed.SourceFile, ct) is var (id, hash))
        {
            if (hash == parsed.ContentHash)
            {
                return new ImportOutcome(id, ImportStatus.Unchanged);
            }

            await UpdateAsync(id, parsed, ct);
            return new ImportOutcome(id, ImportStatus.Updated);
        }

        return new ImportOutcome(await InsertAsync(parsed, ArticleState.Published, ct), ImportStatus.Imported);
    }

    private async Task<(long Id, string Hash)?> FindBySourceAsync(string sourceFile, CancellationToken ct)
    {
        _findBySource.Parameters["$source_file"].Value = sourceFile;
        await using var reader = await _findBySource.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task<long> InsertAsync(ParsedArticle parsed, ArticleState state, CancellationToken ct)
    {
        Bind(_insert, parsed);
        _insert.Parameters["$state"].Value = ArticleStates.ToText(state);
        var id = (long)(await _insert.ExecuteScalarAsync(ct))!;
        await WriteTagsAsync(id, parsed, ct);
        await IndexAsync(Document(id, parsed, state), ct);
        return id;
    }

    public async Task UpdateAsync(long id, ParsedArticle parsed, CancellationToken ct)
    {
        Bind(_update, parsed);
        _update.Parameters["$id"].Value = id;
        var state = ArticleStates.Parse((string)(await _update.ExecuteScalarAsync(ct))!);
        _deleteTags.Parameters["$article_id"].Value = id;
        await _deleteTags.ExecuteNonQueryAsync(ct);
        await WriteTagsAsync(id, parsed, ct);
        await IndexAsync(Document(id, parsed, state), ct);
    }

    private async Task IndexAsync(SearchDocument document, CancellationToken ct)
    {
        if (_deferred is not null)
        {
            _deferred[document.ArticleId] = document; // the last write of an article in the batch wins
            return;
        }

        await _index.IndexAsync(_connection, _transaction, document, ct);
    }

    /// <summary>
    /// Indexes the articles written since the last call, outside any savepoint. Deferring is the last step of a
    /// write, so an article whose savepoint was rolled back never got this far and is not indexed.
    /// </summary>
    public async Task IndexDeferredAsync(CancellationToken ct)
    {
        if (_deferred is null)
        {
            return;
        }

        await _index.IndexManyAsync(_connection, _transaction, [.. _deferred.Values], ct);
        _deferred.Clear();
    }

    private async Task WriteTagsAsync(long id, ParsedArticle parsed, CancellationToken ct)
    {
        _insertTag.Parameters["$article_id"].Value = id;
        foreach (var (kind, values) in new[] { ("tag", parsed.Tags), ("category", parsed.Categories) })
        {
            _insertTag.Parameters["$kind"].Value = kind;
            for (var position = 0; position < values.Count; position++)
            {
                var value = values[position];
                _insertTag.Parameters["$position"].Value = position;
                _insertTag.Parameters["$value"].Value = value;
                _insertTag.Parameters["$value_key"].Value = TagKey(value);
                await _insertTag.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static SearchDocument Document(long id, ParsedArticle parsed, ArticleState state) =>
        new(id, parsed.Title, parsed.PlainText, parsed.Tags.Select(TagKey).ToList(), parsed.Published?.ToUnixTimeSeconds(), state != ArticleState.Published);

    /// <summary>The case-folded form used to match tags ("MeToo" = "metoo").</summary>
    public static string TagKey(string tag) => tag.Trim().ToLowerInvariant();

    public static string? DateText(DateTimeOffset? date) =>
        date?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private void Bind(SqliteCommand command, ParsedArticle parsed)
    {
        Set(command, "$slug", parsed.Slug);
        Set(command, "$title", parsed.Title);
        Set(command, "$author", parsed.Author);
        Set(command, "$published", DateText(parsed.Published));
        Set(command, "$published_utc", parsed.Published?.ToUnixTimeSeconds());
        Set(command, "$updated", DateText(parsed.Updated));
        Set(command, "$summary", parsed.Summary);
        Set(command, "$source_url", parsed.SourceUrl);
        Set(command, "$source_file", parsed.SourceFile);
        Set(command, "$body", parsed.Body);
        Set(command, "$plain_text", parsed.PlainText);
        Set(command, "$source", parsed.Source);
        Set(command, "$content_hash", parsed.ContentHash);
        Set(command, "$language", parsed.Language);
        Set(command, "$extra_json", JsonSerializer.Serialize(parsed.Extra));
        Set(command, "$now", _now);
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    private SqliteCommand Command(string sql, string parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _findBySource.DisposeAsync();
        await _insert.DisposeAsync();
        await _update.DisposeAsync();
        await _deleteTags.DisposeAsync();
        await _insertTag.DisposeAsync();
    }
}
