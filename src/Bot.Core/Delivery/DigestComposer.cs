using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Links;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Core.Storage.Articles;
using Bot.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Delivery;

/// <summary>
/// A digest as the article-shaped message the platforms already render and split at their limits: a title
/// with the day, then one line per article (title, date, <c>/read N</c>, the web link when
/// <c>Web:PublicUrl</c> is set). Retracted articles are left out; a digest with nothing left is null.
/// Its id is the digest's id negated, so it can never be taken for an article.
/// </summary>
public sealed class DigestComposer(SqliteDatabase database, ChatTimeZones zones, ArticleLinks links)
{
    public async Task<Article?> ComposeAsync(long digestId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        DigestHead? head;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT g.due_at, s.delivery_mode, s.time_zone, s.language
                FROM digests g JOIN subscriptions s ON s.id = g.subscription_id
                WHERE g.id = $id
                """;
            command.Parameters.AddWithValue("$id", digestId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            head = await reader.ReadAsync(ct)
                ? new DigestHead(
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    DeliveryModes.Parse(reader.GetString(1)),
                    zones.Resolve(reader.IsDBNull(2) ? null : reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3))
                : null;
        }

        if (head is null)
        {
            return null;
        }

        var entries = await EntriesAsync(connection, digestId, ct);
        return entries.Count == 0 ? null : Compose(digestId, head, entries);
    }

    private Article Compose(long digestId, DigestHead head, IReadOnlyList<DigestEntry> entries)
    {
        var text = UiText.For(head.Language);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(head.DueAt, head.Zone).DateTime);
        var title = head.Mode == DeliveryMode.Weekly ? text.WeeklyDigestTitle(day) : text.DailyDigestTitle(day);
        var body = new StringBuilder();
        body.Append(text.ArticleCount(entries.Count)).Append("\n\n");
        foreach (var entry in entries)
        {
            body.Append("- **").Append(MarkdownText.Escape(entry.Title.Trim().Length > 0 ? entry.Title.Trim() : $"#{entry.Id}")).Append("**");
            if (entry.Published is { } published)
            {
                body.Append(" · ").Append(TimeZoneInfo.ConvertTime(published, head.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            body.Append(" · /read ").Append(entry.Id.ToString(CultureInfo.InvariantCulture));
            if (links.ArticlePage(entry.Id) is { } page)
            {
                body.Append(" · [").Append(text.WebLink).Append("](").Append(page.AbsoluteUri).Append(')');
            }

            body.Append('\n');
        }

        var markdown = body.ToString();
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + markdown)));
        return new Article(
            -digestId, $"digest-{digestId}", title, null, null, null, [], [], null, null, null,
            markdown, markdown, string.Empty, hash, head.Language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh" : "en",
            ArticleState.Published, null, head.DueAt, new Dictionary<string, string>());
    }

    private static async Task<List<DigestEntry>> EntriesAsync(SqliteConnection connection, long digestId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a.id, a.title, coalesce(a.published_utc, a.published_at)
            FROM digest_items i JOIN articles a ON a.id = i.article_id
            WHERE i.digest_id = $id AND a.state = '{ArticleStates.Published}'
            ORDER BY a.published_at, a.id
            """;
        command.Parameters.AddWithValue("$id", digestId);
        var entries = new List<DigestEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new DigestEntry(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2))));
        }

        return entries;
    }

    private sealed record DigestHead(DateTimeOffset DueAt, DeliveryMode Mode, TimeZoneInfo Zone, string? Language);

    private sealed record DigestEntry(long Id, string Title, DateTimeOffset? Published);
}
