using Bot.Core.Chat;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Subscriptions;

/// <summary>Reads subscriptions with their filters; the key of a chat is (platform, chat id, thread or '').</summary>
internal static class SubscriptionRows
{
    public static void AddKey(SqliteCommand command, ChatRef chat)
    {
        command.Parameters.AddWithValue("$platform", chat.Platform.ToKey());
        command.Parameters.AddWithValue("$chat", chat.ChatId);
        command.Parameters.AddWithValue("$thread", chat.ThreadId ?? string.Empty);
    }

    public static async Task<Subscription?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, ChatRef chat, CancellationToken ct)
    {
        long id;
        ChatRef stored;
        bool paused, active;
        string? reason;
        DateTimeOffset created;
        DeliveryPreferences preferences;
        ChatGoneKind kind;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT id, chat_kind, title, paused, active, deactivated_reason, created_at,
                       delivery_mode, digest_minute, digest_weekday, quiet_start, quiet_end, quiet_silent, time_zone,
                       deactivated_kind
                FROM subscriptions
                WHERE platform = $platform AND chat_id = $chat AND thread_id = $thread
                """;
            AddKey(command, chat);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            id = reader.GetInt64(0);
            stored = new ChatRef(chat.Platform, chat.ChatId, PlatformNames.ParseChatKind(reader.GetString(1)), chat.ThreadId, reader.IsDBNull(2) ? null : reader.GetString(2));
            paused = reader.GetInt64(3) != 0;
            active = reader.GetInt64(4) != 0;
            reason = reader.IsDBNull(5) ? null : reader.GetString(5);
            created = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6));
            preferences = ReadPreferences(reader, 7);
            kind = ChatGoneKinds.Parse(reader.IsDBNull(14) ? null : reader.GetString(14));
        }

        var rows = new List<FilterRow>();
        await using (var filters = connection.CreateCommand())
        {
            filters.Transaction = transaction;
            filters.CommandText = "SELECT kind, value, value_key FROM subscription_filters WHERE subscription_id = $id ORDER BY kind, value";
            filters.Parameters.AddWithValue("$id", id);
            await using var reader = await filters.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new FilterRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return new Subscription(id, stored, FilterRows.ToFilter(rows), paused, active, reason, created) { Preferences = preferences, DeactivatedKind = kind };
    }

    /// <summary>Reads delivery_mode, digest_minute, digest_weekday, quiet_start, quiet_end, quiet_silent, time_zone from <paramref name="first"/> on.</summary>
    public static DeliveryPreferences ReadPreferences(SqliteDataReader reader, int first)
    {
        var mode = DeliveryModes.Parse(reader.GetString(first));
        DigestSchedule? digest = null;
        if (mode != DeliveryMode.Instant && !reader.IsDBNull(first + 1))
        {
            var at = Minutes(reader.GetInt64(first + 1));
            digest = mode == DeliveryMode.Weekly
                ? DigestSchedule.Weekly((DayOfWeek)(reader.IsDBNull(first + 2) ? 1 : reader.GetInt64(first + 2) % 7), at)
                : DigestSchedule.Daily(at);
        }

        var quiet = reader.IsDBNull(first + 3) || reader.IsDBNull(first + 4)
            ? null
            : new QuietWindow(Minutes(reader.GetInt64(first + 3)), Minutes(reader.GetInt64(first + 4)), reader.GetInt64(first + 5) != 0);
        return new DeliveryPreferences(digest, quiet, reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6));
    }

    /// <summary>How a local time is stored (digest_minute, quiet_start, quiet_end): minutes after midnight; <see cref="Minutes"/> reads it back.</summary>
    public static int MinuteOfDay(TimeOnly time) => (time.Hour * 60) + time.Minute;

    public static TimeOnly Minutes(long minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Clamp(minutes, 0, (24 * 60) - 1)));
}
