using System.Globalization;
using Bot.Core.Archive;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage.Articles;

/// <summary>The archive's lists in SQLite: one query for the page, one for its count, one for the page's tags.</summary>
public sealed class SqliteArchiveBrowser(SqliteDatabase database) : IArchiveBrowser
{
    // An article without a summary is led by the first 160 characters of its text.
    private const string EntryColumns = """
        a.id, a.title, a.author, a.published, COALESCE(NULLIF(trim(a.summary), ''), substr(a.plain_text, 1, 160)), a.modified_at
        """;

    // Undated articles last, as everywhere else in the archive.
    private const string Newest = "ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC";

    public Task<ArchivePage> NewestAsync(int offset, int limit, CancellationToken ct) =>
        PageAsync($"a.state = '{ArticleStates.Published}'", [], offset, limit, ct);

    public Task<ArchivePage> TaggedAsync(string tag, int offset, int limit, CancellationToken ct) =>
        PageAsync(
            $"""
            a.state = '{ArticleStates.Published}' AND EXISTS (
                SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'tag' AND t.value_key = $tag)
            """,
            [("$tag", ArticleWriter.TagKey(tag))],
            offset,
            limit,
            ct);

    public Task<ArchivePage> MonthAsync(int year, int month, int offset, int limit, CancellationToken ct) =>
        PageAsync(
            $"a.state = '{ArticleStates.Published}' AND substr(a.published, 1, 7) = $month",
            [("$month", MonthKey(year, month))],
            offset,
            limit,
            ct);

    public async Task<IReadOnlyList<ArchiveMonth>> MonthsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // The month as the author wrote the date (its own offset), so a post dated 1 June 00:30 +08:00 is in June.
        command.CommandText = $"""
            SELECT substr(published, 1, 7) AS month, COUNT(*)
            FROM articles
            WHERE state = '{ArticleStates.Published}' AND published IS NOT NULL
            GROUP BY month
            ORDER BY month DESC
            """;
        var months = new List<ArchiveMonth>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            if (key.Length == 7
                && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && int.TryParse(key.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            {
                months.Add(new ArchiveMonth(year, month, reader.GetInt32(1)));
            }
        }

        return months;
    }

    public async Task<IReadOnlyList<ArchiveTag>> TagsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT MIN(t.value), t.value_key, COUNT(*) AS uses
            FROM article_tags t
            JOIN articles a ON a.id = t.article_id
            WHERE t.kind = 'tag' AND a.state = '{ArticleStates.Published}'
            GROUP BY t.value_key
            ORDER BY uses DESC, t.value_key
            """;
        var tags = new List<ArchiveTag>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tags.Add(new ArchiveTag(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return tags;
    }

    public static string MonthKey(int year, int month) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);

    private async Task<ArchivePage> PageAsync(string where, (string Name, object Value)[] parameters, int offset, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        int total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM articles a WHERE {where}";
            Bind(count, parameters);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        if (total == 0 || limit <= 0 || offset >= total)
        {
            return new ArchivePage(total, []);
        }

        var entries = new List<ArchiveEntry>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {EntryColumns}
                FROM articles a
                WHERE {where}
                {Newest}
                LIMIT $limit OFFSET $offset
                """;
            Bind(command, parameters);
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new ArchiveEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    ArticleReader.ParseDate(reader.IsDBNull(3) ? null : reader.GetString(3)),
                    [],
                    reader.GetString(4).Trim(),
                    DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5))));
            }
        }

        var tags = await TagsOfAsync(connection, entries.Select(e => e.Id), ct);
        return new ArchivePage(total, entries.Select(e => tags.TryGetValue(e.Id, out var list) ? e with { Tags = list } : e).ToList());
    }

    private static async Task<Dictionary<long, List<string>>> TagsOfAsync(SqliteConnection connection, IEnumerable<long> ids, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT article_id, value
            FROM article_tags
            WHERE kind = 'tag' AND article_id IN (SELECT value FROM json_each($ids))
            ORDER BY article_id, position, value_key
            """;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]");
        var tags = new Dictionary<long, List<string>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (!tags.TryGetValue(id, out var list))
            {
                tags[id] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return tags;
    }

    private static void Bind(SqliteCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
