using System.Globalization;
using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Storage.Media;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage.Articles;

/// <summary>Reads article rows (selected with <see cref="Columns"/>) and their tags back into records.</summary>
internal static class ArticleReader
{
    public const string Columns = """
        id, slug, title, author, published, updated, summary, source_url, source_file, body, plain_text, source,
        content_hash, language, state, scheduled_at, published_at, extra_json, source_id
        """;

    public static async Task<List<Article>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var articles = new List<Article>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                articles.Add(Read(reader));
            }
        }

        for (var i = 0; i < articles.Count; i++)
        {
            var (tags, categories) = await TagsOfAsync(command.Connection!, articles[i].Id, ct);
            var images = await ArticleMediaReader.ReadAsync(command.Connection!, articles[i].Id, ct);
            articles[i] = articles[i] with { Tags = tags, Categories = categories, Images = images };
        }

        return articles;
    }

    public static DateTimeOffset? ParseDate(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static Article Read(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        Slug: reader.GetString(1),
        Title: reader.GetString(2),
        Author: NullableString(reader, 3),
        Published: ParseDate(NullableString(reader, 4)),
        Updated: ParseDate(NullableString(reader, 5)),
        Tags: [],
        Categories: [],
        Summary: NullableString(reader, 6),
        SourceUrl: NullableString(reader, 7),
        SourceFile: NullableString(reader, 8),
        Body: reader.GetString(9),
        PlainText: reader.GetString(10),
        Source: reader.GetString(11),
        ContentHash: reader.GetString(12),
        Language: reader.GetString(13),
        State: ArticleStates.Parse(reader.GetString(14)),
        ScheduledAt: UnixTime(reader, 15),
        PublishedAt: UnixTime(reader, 16),
        Extra: JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(17)) ?? [])
    {
        SourceId = reader.IsDBNull(18) ? null : reader.GetInt64(18),
    };

    private static async Task<(List<string> Tags, List<string> Categories)> TagsOfAsync(SqliteConnection connection, long id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, value FROM article_tags WHERE article_id = $id ORDER BY kind, position, value_key";
        command.Parameters.AddWithValue("$id", id);
        var tags = new List<string>();
        var categories = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            (reader.GetString(0) == "tag" ? tags : categories).Add(reader.GetString(1));
        }

        return (tags, categories);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? UnixTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));
}
