using Microsoft.Data.Sqlite;

namespace Bot.Core.Subscriptions;

/// <summary>Reads and writes subscription_filters, and turns a <see cref="SubscriptionFilter"/> into rows.</summary>
internal static class FilterRows
{
    public const string Tag = "tag";
    public const string Author = "author";
    public const string Keyword = "keyword";

    public static List<FilterRow> From(SubscriptionFilter filter)
    {
        var rows = new List<FilterRow>();
        Add(rows, Tag, filter.Tags);
        Add(rows, Author, filter.Authors);
        Add(rows, Keyword, filter.Keywords);
        return rows;
    }

    public static SubscriptionFilter ToFilter(IEnumerable<FilterRow> rows)
    {
        var list = rows.ToList();
        return new SubscriptionFilter(
            [.. list.Where(r => r.Kind == Tag).Select(r => r.Value)],
            [.. list.Where(r => r.Kind == Author).Select(r => r.Value)],
            [.. list.Where(r => r.Kind == Keyword).Select(r => r.Value)]);
    }

    public static async Task<int> AddAsync(SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, IReadOnlyList<FilterRow> rows, CancellationToken ct)
    {
        var added = 0;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO subscription_filters (subscription_id, kind, value, value_key)
            VALUES ($id, $kind, $value, $key)
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", subscriptionId);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var row in rows)
        {
            kind.Value = row.Kind;
            value.Value = row.Value;
            key.Value = row.Key;
            added += await command.ExecuteNonQueryAsync(ct);
        }

        var total = await CountAsync(connection, transaction, subscriptionId, ct);
        if (total > SqliteSubscriptionService.MaxValuesPerKind * 3)
        {
            throw new ArgumentException($"A subscription keeps at most {SqliteSubscriptionService.MaxValuesPerKind} values of each kind.");
        }

        return added;
    }

    public static async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, IReadOnlyList<FilterRow> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM subscription_filters WHERE subscription_id = $id AND kind = $kind AND value_key = $key";
        command.Parameters.AddWithValue("$id", subscriptionId);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var row in rows)
        {
            kind.Value = row.Kind;
            key.Value = row.Key;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task ClearAsync(SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM subscription_filters WHERE subscription_id = $id";
        command.Parameters.AddWithValue("$id", subscriptionId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> CountAsync(SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM subscription_filters WHERE subscription_id = $id";
        command.Parameters.AddWithValue("$id", subscriptionId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void Add(List<FilterRow> rows, string kind, IReadOnlyList<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in values)
        {
            var value = FilterKey.Sanitize(raw).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (value.Length > SqliteSubscriptionService.MaxValueLength)
            {
                throw new ArgumentException($"A {kind} is at most {SqliteSubscriptionService.MaxValueLength} characters long.");
            }

            var key = FilterKey.Fold(value);
            if (seen.Add(key))
            {
                rows.Add(new FilterRow(kind, value, key));
            }
        }

        if (seen.Count > SqliteSubscriptionService.MaxValuesPerKind)
        {
            throw new ArgumentException($"A subscription keeps at most {SqliteSubscriptionService.MaxValuesPerKind} values of each kind.");
        }
    }
}
